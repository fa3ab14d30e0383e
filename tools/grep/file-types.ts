// File types for Grep's `type` option. Both engines use this table (rg gets it via --type-add), so
// a type means the same with and without ripgrep. Globs match the file name only.

export const FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  c: ['*.[chH]', '*.[chH].in', '*.cats'],
  cmake: ['*.cmake', 'CMakeLists.txt'],
  cpp: ['*.[ChH]', '*.[ChH].in', '*.[ch]pp', '*.[ch]pp.in', '*.[ch]xx', '*.[ch]xx.in', '*.cc', '*.cc.in', '*.hh', '*.hh.in', '*.inl'],
  cs: ['*.cs'],
  css: ['*.css', '*.scss'],
  csv: ['*.csv'],
  cuda: ['*.cu', '*.cuh'],
  docker: ['*Dockerfile*'],
  go: ['*.go'],
  h: ['*.h', '*.hpp'],
  html: ['*.ejs', '*.htm', '*.html'],
  java: ['*.java', '*.jsp', '*.jspx', '*.properties'],
  js: ['*.js', '*.jsx', '*.mjs', '*.cjs', '*.vue'],
  json: ['*.json', 'composer.lock'],
  jsonl: ['*.jsonl'],
  julia: ['*.jl'],
  jupyter: ['*.ipynb'],
  kotlin: ['*.kt', '*.kts'],
  lua: ['*.lua'],
  make: ['*.mak', '*.mk', '[Gg][Nn][Uu]makefile', '[Mm]akefile', '[Mm]akefile.am', '[Mm]akefile.in'],
  markdown: ['*.markdown', '*.md', '*.mdown', '*.mkdn'],
  md: ['*.markdown', '*.md', '*.mdown', '*.mkdn'],
  matlab: ['*.m'],
  perl: ['*.PL', '*.perl', '*.pl', '*.plh', '*.plx', '*.pm', '*.t'],
  php: ['*.php', '*.php3', '*.php4', '*.php5', '*.phtml'],
  protobuf: ['*.proto'],
  py: ['*.py', '*.pyi'],
  r: ['*.R', '*.Rmd', '*.Rnw', '*.r'],
  rst: ['*.rst'],
  ruby: ['*.gemspec', '*.rb', '*.rbw', 'Gemfile', 'Rakefile', 'config.ru'],
  rust: ['*.rs'],
  scala: ['*.sbt', '*.scala'],
  sh: ['*.bash', '*.sh', '*.zsh', '*.ksh', '.bashrc', '.zshrc', '.profile'],
  sql: ['*.psql', '*.sql'],
  swift: ['*.swift'],
  tex: ['*.bib', '*.cls', '*.sty', '*.tex'],
  toml: ['*.toml', 'Cargo.lock'],
  ts: ['*.ts', '*.tsx', '*.mts', '*.cts'],
  txt: ['*.txt'],
  xml: ['*.xml', '*.xsd', '*.xsl', '*.xslt', '*.dtd'],
  yaml: ['*.yaml', '*.yml'],
  zig: ['*.zig'],
};

export function fileTypeGlobs(name: string): readonly string[] | undefined {
  return Object.hasOwn(FILE_TYPES, name) ? FILE_TYPES[name] : undefined;
}

export function knownFileTypes(): string[] {
  return Object.keys(FILE_TYPES).sort();
}
