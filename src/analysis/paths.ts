// Paths as the code writes them (`./conf/../conf/train.yaml`, `data\\test.csv`), made comparable with the
// review-relative paths of the files the tools listed.

/** Forward slashes, no `.` or empty segments, `..` resolved (never above the start). */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
