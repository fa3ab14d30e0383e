// oversampling-before-split for offline augmentation: augmented copies of samples added to the pool that
// is split afterwards (by hand, with transforms, in a Dataset class, or written to disk by a helper module).
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze, findings } = useAnalyzer();
const REQ = { 'requirements.txt': 'torch==2.4.1\ntorchvision==0.19.1\nscikit-learn==1.5.2\n' };
const rule = 'oversampling-before-split';

describe('augmented copies added to the pool before the split', () => {
  const prepare = (loop: string) => py`
    from pathlib import Path
    import torch
    from PIL import Image
    from sklearn.model_selection import train_test_split
    from torchvision.transforms import v2 as T

    base_tf = T.Compose([T.Grayscale(), T.Resize((224, 224)), T.ToImage(), T.ToDtype(torch.float32, scale=True)])
    AUGMENTATIONS = [T.RandomHorizontalFlip(p=1.0), T.RandomRotation(degrees=10), T.ColorJitter(brightness=0.15)]
    torch.manual_seed(0)
    images, targets = [], []
    for label, cls in enumerate(["NORMAL", "PNEUMONIA"]):
        for path in sorted(Path("xray", cls).glob("*.jpeg")):
            img = base_tf(Image.open(path))
            images.append(img)
            targets.append(label)
            ${loop}
    idx = list(range(len(images)))
    train_idx, test_idx = train_test_split(idx, test_size=0.3, stratify=targets, random_state=0)
  `;

  it('fires for copies made by random transforms, when the positions of the pool are split', () => {
    const found = findings({ ...REQ, 'prepare.py': prepare('for aug in AUGMENTATIONS:\n                images.append(aug(img))\n                targets.append(label)') }, rule);
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['prepare.py', 17, 'CRITICAL']]);
    expect(found[0]?.issue).toContain('augmented copies');
  });

  it('fires for flips made by hand (np.fliplr) concatenated with the originals before train_test_split', () => {
    const code = py`
      import numpy as np
      from sklearn.model_selection import train_test_split
      X = np.load("patches.npy")
      y = np.load("labels.npy")
      X_all = np.concatenate([X, np.fliplr(X)])
      y_all = np.concatenate([y, y])
      X_tr, X_te, y_tr, y_te = train_test_split(X_all, y_all, stratify=y_all, random_state=0)
    `;
    expect(findings({ ...REQ, 'train.py': code }, rule).map((f) => f.line)).toEqual([5]);
  });

  it('stays silent when only deterministic transforms run before the split', () => {
    expect(findings({ ...REQ, 'prepare.py': prepare('pass') }, rule)).toEqual([]);
  });

  it('stays silent when the training part alone is augmented after the split', () => {
    const code = py`
      import numpy as np
      from sklearn.model_selection import train_test_split
      X = np.load("patches.npy")
      y = np.load("labels.npy")
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=0)
      X_tr = np.concatenate([X_tr, np.fliplr(X_tr)])
      y_tr = np.concatenate([y_tr, y_tr])
    `;
    expect(findings({ ...REQ, 'train.py': code }, rule)).toEqual([]);
  });
});

describe('augmented copies inside a Dataset class, split with random_split', () => {
  const panels = (extra: string) => py`
    import pandas as pd
    import torch
    from PIL import Image
    from torch.utils.data import Dataset
    from torchvision import transforms as T

    BASE_TF = T.Compose([T.Resize((224, 224)), T.ToTensor()])
    VARIANTS = [lambda x: torch.flip(x, dims=[2]), lambda x: torch.rot90(x, 1, dims=[1, 2])]

    class PanelDataset(Dataset):
        def __init__(self, index_csv, transform=None):
            meta = pd.read_csv(index_csv)
            self.transform = transform
            self.items = []
            for row in meta.itertuples():
                img = BASE_TF(Image.open(row.filename).convert("RGB"))
                self.items.append((img, int(row.label)))
                ${extra}

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            x, y = self.items[i]
            return (self.transform(x) if self.transform else x), y
  `;
  const train = (args: string) => py`
    import torch
    from torch.utils.data import random_split
    from torchvision import transforms as T
    from panels import PanelDataset
    full = PanelDataset(${args})
    train_ds, val_ds, test_ds = random_split(full, [0.7, 0.15, 0.15], generator=torch.Generator().manual_seed(0))
  `;

  it('fires at the call that builds the dataset, the copies inside as a site', () => {
    const files = { ...REQ, 'panels.py': panels('if row.label == 1:\n                    for f in VARIANTS:\n                        self.items.append((f(img), 1))'), 'train.py': train('"index.csv"') };
    const found = findings(files, rule);
    expect(found.map((f) => [f.file, f.line])).toEqual([['train.py', 5]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'panels.py', line: 20 }]));
  });

  it('stays silent for augmentation applied on the fly in __getitem__ (a transform handed to the dataset)', () => {
    const files = { ...REQ, 'panels.py': panels('pass'), 'train.py': train('"index.csv", transform=T.Compose([T.RandomHorizontalFlip(), T.ColorJitter(0.2)])') };
    expect(findings(files, rule)).toEqual([]);
  });
});

describe('a helper module writing augmented copies to disk and adding their paths to the pool', () => {
  const AUGMENT = py`
    from pathlib import Path
    from PIL import Image
    from torchvision import transforms as T

    _JITTER = T.Compose([T.RandomHorizontalFlip(), T.RandomRotation(15)])

    def expand(records, n_copies, cache_dir):
        out = list(records)
        for path, label in records:
            img = Image.open(path).convert("RGB")
            for k in range(n_copies):
                dst = Path(cache_dir) / f"{Path(path).stem}_aug{k}.jpg"
                _JITTER(img).save(dst)
                out.append((str(dst), label))
        return out
  `;
  const main = (pool: string) => py`
    from pathlib import Path
    from sklearn.model_selection import train_test_split
    from kit.augment import expand
    pool = [(str(p), int(p.parent.name == "cracked")) for p in sorted(Path("photos").glob("*/*.jpg"))]
    ${pool}
    labels = [y for _, y in pool]
    rest, test_recs = train_test_split(pool, test_size=0.2, stratify=labels, random_state=0)
  `;
  const files = (pool: string) => ({ ...REQ, 'kit/__init__.py': '', 'kit/augment.py': AUGMENT, 'main.py': main(pool) });

  it('fires at the call that expands the pool before the split', () => {
    const found = findings(files('pool = expand(pool, 3, "cache")'), rule);
    expect(found.map((f) => [f.file, f.line])).toEqual([['main.py', 5]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'kit/augment.py', line: 14 }]));
  });

  it('stays silent when only the training records are expanded, after the split', () => {
    const review = analyze(files('pool = pool\nrest, test_recs = train_test_split(pool, test_size=0.2, random_state=0)\nrest = expand(rest, 3, "cache")'));
    expect(review.findings.filter((f) => f.rule === rule)).toEqual([]);
  });
});
