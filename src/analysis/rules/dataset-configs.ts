// Dataset settings files of detection frameworks: an Ultralytics data YAML (`train:`, `val:`, `names:`) whose
// validation images are the test images. Training picks best.pt and stops early on `val`, so the test score
// reported afterwards was chosen on the test set.
import type { FindingInput } from '../../review/schema.js';
import { buildFinding } from '../findings.js';
import { partFromName } from '../flow/knowledge.js';
import type { SourceFile } from '../source.js';

export function datasetConfigFindings(file: SourceFile): FindingInput[] {
  const tree = file.config?.value;
  if (file.kind !== 'config' || tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [];
  const entries = tree as Record<string, unknown>;
  const { train, val, test } = entries;
  if (typeof train !== 'string' || typeof val !== 'string' || !('names' in entries || 'nc' in entries)) return [];
  // `val: images/test`, or `val:` and `test:` the same folder; `val: images/val` and `test: images/test` are fine.
  const parts = val.split(/[\\/]/).map((segment) => partFromName(segment));
  const valIsTest = val === test || (parts.includes('test') && !parts.includes('val'));
  const line = file.config?.lines.get('val');
  if (!valIsTest || line === undefined) return [];
  return [
    buildFinding({
      rule: 'test-set-selection',
      file,
      line,
      issue: `The dataset's validation images are its test images (\`val: ${val}\`${val === test ? ', the same folder as `test:`' : ''}): training keeps the best checkpoint and stops early on them, and the test score reported afterwards is measured on the same images.`,
      impact: 'The checkpoint (and any sweep over settings validated on these images) is chosen on the test set, so the reported test mAP is optimistic and says little about new images.',
      fix: 'Hold out a validation folder of its own (split by board, scene or video like the test set) and point `val:` at it; keep the test images for one final evaluation.',
      fixed: `val: ${val.replace(/test/i, 'val')}`,
    }),
  ];
}
