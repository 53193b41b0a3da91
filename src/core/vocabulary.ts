/**
 * The closed sets of words that the command line and the domain share: each a literal union with its values.
 * They live in the kernel so that a command declares its options without loading the domain that uses them
 * (a command imports its domain only when it runs: `apig --help` costs what Node costs).
 */

/** `apig lint -f`: the output formats (src/lint/formatters/). */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The lint configuration file, found in the current folder or a parent. */
export const LINT_CONFIG_FILE = '.apiglint.yaml';

/** The console's three export scopes: front end; + backends; + throttling, access control and other policies. */
export const EXPORT_SCOPES = ['basic', 'full', 'extended'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** Our own lint-suppression extension is not Huawei's and is dropped for the console. */
export const APIG_ONLY_KEYS = ['x-apig-lint-disable'] as const;

/** `apig import --extend-mode`: policies with the same name are kept (merge) or replaced (override). */
export const EXTEND_MODES = ['merge', 'override'] as const;
export type ExtendMode = (typeof EXTEND_MODES)[number];
