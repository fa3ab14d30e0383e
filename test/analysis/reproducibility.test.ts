import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();
const rule = 'missing-random-seed';

describe('missing-random-seed', () => {
  it('fires for splits and shuffling CV objects without random_state, merged per file', () => {
    const [f, ...rest] = findings(py`
      from sklearn.model_selection import train_test_split, KFold
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
      kf = KFold(n_splits=5, shuffle=True)
    `, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'HIGH', line: 2, sites: [{ file: 'train.py', line: 3 }], fixed: 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)' });
  });

  it('fires for numpy and torch randomness with no seed anywhere', () => {
    const [f] = findings(py`
      import numpy as np
      import torch
      from torch.utils.data import DataLoader
      noise = np.random.randn(100)
      loader = DataLoader(dataset, batch_size=32, shuffle=True)
    `, rule);
    expect(f).toMatchObject({ line: 4, title: 'NumPy, PyTorch randomness without a seed', sites: [{ file: 'train.py', line: 5 }] });
    expect(f?.fixed).toBe('np.random.seed(42)\ntorch.manual_seed(42)\nnoise = np.random.randn(100)');
  });

  it('stays silent with random_state, shuffle=False or KFold without shuffle', () => {
    expect(findings(py`
      from sklearn.model_selection import train_test_split, KFold
      a = train_test_split(X, y, random_state=0)
      b = train_test_split(X, y, shuffle=False)
      kf = KFold(n_splits=5)
    `, rule)).toEqual([]);
  });

  it('still fires for a split without random_state under a global numpy seed, saying why', () => {
    const [f, ...rest] = findings(py`
      import numpy as np
      np.random.seed(0)
      a = train_test_split(X, y)
      noise = np.random.randn(10)
    `, rule);
    expect(rest).toEqual([]);
    expect(f?.line).toBe(3);
    expect(f?.issue).toContain("numpy's global generator");
  });

  it('stays silent when seeds are set through a helper function, even in another file', () => {
    const files = {
      'utils.py': py`
        import random
        import numpy as np
        import torch
        def set_seed(seed):
            random.seed(seed)
            np.random.seed(seed)
            torch.manual_seed(seed)
      `,
      'train.py': py`
        import numpy as np
        import torch
        from utils import set_seed
        set_seed(42)
        idx = np.random.permutation(10)
        w = torch.randn(3, 3)
      `,
      'requirements.txt': 'numpy==2.1.3\n',
    };
    expect(findings(files, rule)).toEqual([]);
  });
});

describe('missing-random-seed: polars sample takes seed=', () => {
  const code = (seed: string) => py`
    import polars as pl
    df = pl.scan_parquet("listings.parquet").collect()
    test_df = df.sample(fraction=0.2${seed})
    train_df = df.join(test_df.select("rid"), on="rid", how="anti")
  `;
  it('stays silent with seed=..., fires without it', () => {
    expect(findings(code(', seed=7'), 'missing-random-seed')).toEqual([]);
    expect(findings(code(''), 'missing-random-seed')).toHaveLength(1);
  });
});
