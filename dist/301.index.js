export const id = 301;
export const ids = [301];
export const modules = {

/***/ 40301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyPatchCommand: () => (/* binding */ applyPatchCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94849);
/* harmony import */ var _tools_patch_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96357);
/* harmony import */ var _workspace_guard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56256);
/** `greenloop apply-patch`: the model's patch tool, for debugging and checks. All or nothing. */





async function applyPatchCommand(file, flags) {
    if (file && file !== '-' && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        process.stderr.write(`greenloop apply-patch: no such file '${file}'.\n`);
        return 1;
    }
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file && file !== '-' ? file : 0, 'utf8');
    const guard = (0,_workspace_guard_js__WEBPACK_IMPORTED_MODULE_4__/* .createGuard */ .ow)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(flags.cwd), (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(flags.protectedPaths));
    const result = await (0,_tools_patch_index_js__WEBPACK_IMPORTED_MODULE_3__/* .applyPatchText */ .U$)(text, guard);
    (result.ok ? process.stdout : process.stderr).write(`${(0,_tools_patch_index_js__WEBPACK_IMPORTED_MODULE_3__/* .patchMessage */ .wh)(result)}\n`);
    return result.ok ? 0 : 1;
}


/***/ })

};
