/**
 * fast-xml-parser, loaded the first time JUnit XML is met (a report file, or a log that is
 * JUnit XML) instead of at start-up: most runs never read XML (issue 22). The parsers are
 * synchronous, so a JUnit parser holds its test cases while the module loads and the digest
 * waits for `xmlLoading()` before it finishes.
 */
import type { XMLParser } from 'fast-xml-parser';

export type XmlParse = (xml: string) => unknown;

let parse: XmlParse | undefined;
let loading: Promise<XmlParse> | undefined;

/** Loads the XML parser (once) and gives its parse function. */
export function loadXml(): Promise<XmlParse> {
  loading ??= import('fast-xml-parser').then(({ XMLParser: Parser }) => {
    const xml: XMLParser = new Parser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      textNodeName: '#text',
      trimValues: false,
    });
    parse = (text) => xml.parse(text) as unknown;
    return parse;
  });
  return loading;
}

/** The parse function when loaded; otherwise undefined, and loading starts. */
export function xmlParser(): XmlParse | undefined {
  if (parse === undefined) void loadXml();
  return parse;
}

/** Settles once a load that was started has ended (at once when none was). */
export async function xmlLoading(): Promise<void> {
  await loading;
}
