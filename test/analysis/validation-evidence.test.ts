import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze, findings } = useAnalyzer();
const REQ = { 'requirements.txt': 'torch==2.4.0\npandas==2.2.3\nnumpy==2.1.3\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

const STEPPER = py`
  import torch

  class Stepper:
      def __init__(self, net, opt):
          self.net, self.opt = net, opt
          self.loss = torch.nn.MSELoss()

      def one_pass(self, batches):
          self.net.train()
          for xb, yb in batches:
              self.opt.zero_grad()
              self.loss(self.net(xb), yb).backward()
              self.opt.step()
`;

describe('no-validation-loop: the epoch loop of another file', () => {
  it('stays silent for a per-pass method of an imported class that a driver calls inside its epoch loop', () => {
    const driver = py`
      import torch
      from stepper import Stepper
      net = torch.nn.Linear(4, 1)
      runner = Stepper(net, torch.optim.SGD(net.parameters(), lr=0.1))
      for epoch in range(20):
          runner.one_pass(batches)
          report(net, holdout_batches)
    `;
    expect(of({ 'stepper.py': STEPPER, 'drive.py': driver }, 'no-validation-loop')).toEqual([]);
  });

  it('still fires when the class method holds the only loop and nothing imports the class', () => {
    expect(of({ 'stepper.py': STEPPER }, 'no-validation-loop')).toHaveLength(1);
  });
});

describe('no-validation-loop: a helper handed the validation rows', () => {
  const HEAD = py`
    import torch
    def one_pass(net, rows, opt=None):
        net.train(opt is not None)
        for xb, yb in rows:
            out = torch.nn.functional.mse_loss(net(xb), yb)
            if opt is not None:
                opt.zero_grad()
                out.backward()
                opt.step()
        return out.item()
    net = torch.nn.Linear(4, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
  `;
  it('stays silent when the epoch loop passes a validation loader to the helper', () => {
    const code = HEAD + py`
      for epoch in range(30):
          one_pass(net, train_rows, opt)
          print(one_pass(net, validLoader))
    `;
    expect(findings(code, 'no-validation-loop')).toEqual([]);
  });

  it('still fires when the only other argument merely contains the letters (an interval)', () => {
    const code = HEAD + py`
      for epoch in range(30):
          one_pass(net, train_rows, opt)
          log_every(interval)
    `;
    expect(findings(code, 'no-validation-loop')).toHaveLength(1);
  });
});

describe('shuffled-time-series-split: random_split over a Dataset of time-ordered rows', () => {
  const DS = py`
    import pandas as pd
    import torch
    from torch.utils.data import Dataset, random_split
    class Lagged(Dataset):
        def __init__(self, values, width):
            self.values = torch.as_tensor(values)
            self.width = width
        def __len__(self):
            return len(self.values) - self.width
        def __getitem__(self, i):
            return self.values[i : i + self.width], self.values[i + self.width]
  `;
  it('fires with a contiguous-blocks rewrite when the rows were ordered by date', () => {
    const code = DS + py`
      meter = pd.read_csv("meter.csv", parse_dates=["read_at"]).sort_values("read_at")
      ds = Lagged(meter["kwh"].to_numpy(), 48)
      fit_ds, hold_ds = random_split(ds, [0.8, 0.2], generator=torch.Generator().manual_seed(1))
    `;
    const [f, ...rest] = findings(code, 'shuffled-time-series-split');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 14 });
    expect(f?.fixed).toContain('fit_ds, hold_ds = Subset(ds, range(0, cut)), Subset(ds, range(cut, n))');
  });

  it('stays silent for rows with no time order', () => {
    const code = DS + py`
      meter = pd.read_csv("households.csv")
      ds = Lagged(meter["kwh"].to_numpy(), 48)
      fit_ds, hold_ds = random_split(ds, [0.8, 0.2], generator=torch.Generator().manual_seed(1))
    `;
    expect(findings(code, 'shuffled-time-series-split')).toEqual([]);
  });
});
