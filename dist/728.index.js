export const id = 728;
export const ids = [728];
export const modules = {

/***/ 4728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   digestCommand: () => (/* binding */ digestCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _checks_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19137);
/* harmony import */ var _model_tokens_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53643);
/** `greenloop digest`: the failure digest of a test log, as text or JSON. */






async function digestCommand(file, flags) {
    const tokens = Number(flags.tokens);
    if (!Number.isInteger(tokens) || tokens < 50 || tokens > 100_000) {
        process.stderr.write(`greenloop digest: --tokens must be an integer from 50 to 100000, got '${flags.tokens}'.\n`);
        return 1;
    }
    let logPath = file;
    let temp;
    if (!logPath || logPath === '-') {
        temp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir(), 'greenloop-digest-'));
        logPath = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, 'stdin.log');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(logPath, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(0));
    }
    else if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(logPath)) {
        process.stderr.write(`greenloop digest: no such file '${logPath}'.\n`);
        return 1;
    }
    try {
        const digest = await (0,_checks_index_js__WEBPACK_IMPORTED_MODULE_4__/* .digestFile */ .TM)(logPath, {
            tokens,
            counter: _model_tokens_js__WEBPACK_IMPORTED_MODULE_5__/* .o200k */ .Hr,
            ...(flags.runner ? { runner: flags.runner } : {}),
            projectRoot: node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(logPath)),
        });
        if (flags.json) {
            process.stdout.write(`${JSON.stringify((0,_checks_index_js__WEBPACK_IMPORTED_MODULE_4__/* .digestJson */ .tv)(digest), null, 2)}\n`);
        }
        else {
            process.stdout.write(`${digest.text}\n`);
        }
        return 0;
    }
    finally {
        if (temp)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { recursive: true, force: true });
    }
}


/***/ })

};
