import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();
const rule = 'missing-zero-grad';

const HEAD = py`
  import torch
  enc = torch.nn.EmbeddingBag(1000, 16, sparse=True)
  head = torch.nn.Linear(16, 1)
  emb_optim = torch.optim.SparseAdam(enc.parameters(), lr=1e-2)
  head_optim = torch.optim.SGD(head.parameters(), lr=1e-2)
`;

describe('missing-zero-grad with several optimizers', () => {
  it('fires when one optimizer is stepped but only the other is cleared', () => {
    const code = HEAD + py`
      for epoch in range(5):
          for tokens, offsets, y in batches:
              head_optim.zero_grad()
              loss = torch.nn.functional.mse_loss(head(enc(tokens, offsets)).squeeze(1), y)
              loss.backward()
              head_optim.step()
              emb_optim.step()
    `;
    const [f, ...rest] = findings(code, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'HIGH', line: 12, fixed: 'head_optim.zero_grad()\nemb_optim.zero_grad()' });
  });

  it('stays silent when both are cleared, when the model is cleared, or when the optimizers are cleared in a loop over them', () => {
    const both = HEAD + py`
      for tokens, offsets, y in batches:
          emb_optim.zero_grad()
          head_optim.zero_grad()
          torch.nn.functional.mse_loss(head(enc(tokens, offsets)).squeeze(1), y).backward()
          head_optim.step()
          emb_optim.step()
    `;
    const viaModel = HEAD + py`
      for tokens, offsets, y in batches:
          head.zero_grad()
          enc.zero_grad()
          torch.nn.functional.mse_loss(head(enc(tokens, offsets)).squeeze(1), y).backward()
          head_optim.step()
          emb_optim.step()
    `;
    const viaLoop = HEAD + py`
      for tokens, offsets, y in batches:
          for o in (emb_optim, head_optim):
              o.zero_grad()
          torch.nn.functional.mse_loss(head(enc(tokens, offsets)).squeeze(1), y).backward()
          head_optim.step()
          emb_optim.step()
    `;
    expect(findings(both, rule)).toEqual([]);
    expect(findings(viaModel, rule)).toEqual([]);
    expect(findings(viaLoop, rule)).toEqual([]);
  });
});
