// Round-twelve idioms (recommenders, speech, retrieval): evaluation helpers named for their metric rather than
// "evaluate", handed held-out rows (also unpacked with `*`), running sub-networks of the model or a helper of
// another module. Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\npyyaml==6.0.2\n' };
const evalMode = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === 'missing-eval-mode');

const trainLoop = (call: string) => py`
  import numpy as np
  import torch
  import torch.nn.functional as F

  from ncf.evaluate import hit_ndcg_at_k
  from ncf.model import NeuMF

  torch.manual_seed(0)
  valid_eval = (np.arange(10), np.arange(10), np.zeros((10, 99), dtype=int))
  model = NeuMF(100, 100, dropout=0.2)
  opt = torch.optim.Adam(model.parameters(), lr=1e-3)
  best = -1.0
  for epoch in range(20):
      model.train()
      for u, i, y in batches():
          opt.zero_grad()
          loss = F.binary_cross_entropy_with_logits(model(u, i), y)
          loss.backward()
          opt.step()
      ${call}
      if ndcg > best:
          best = ndcg
          torch.save(model.state_dict(), "best.pt")
`;

describe('a metric helper of another module handed unpacked validation arrays', () => {
  const helper = (prelude: string) => py`
    import numpy as np
    import torch


    def hit_ndcg_at_k(model, users, pos_items, negatives, k=10):
        ${prelude}
        cand = np.concatenate([pos_items[:, None], negatives], axis=1)
        u_t = torch.as_tensor(np.repeat(users, cand.shape[1]))
        scores = model(u_t, torch.as_tensor(cand.reshape(-1))).view(len(users), -1).detach().numpy()
        rank = (scores[:, 1:] >= scores[:, :1]).sum(axis=1)
        return float((rank < k).mean())
  `;

  it('fires in the helper, citing its forward pass, when it never switches to eval mode', () => {
    const found = evalMode({ 'train.py': trainLoop('ndcg = hit_ndcg_at_k(model, *valid_eval)'), 'ncf/__init__.py': '', 'ncf/evaluate.py': helper('pass') });
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('ncf/evaluate.py');
    expect(found[0]!.sites?.map((s) => s.line)).toContain(9);
  });

  it('stays silent when the helper calls model.eval() under no_grad', () => {
    const found = evalMode({
      'train.py': trainLoop('ndcg = hit_ndcg_at_k(model, *valid_eval)'),
      'ncf/__init__.py': '',
      'ncf/evaluate.py': helper('model.eval()').replace('def hit_ndcg_at_k', '@torch.no_grad()\ndef hit_ndcg_at_k'),
    });
    expect(found).toHaveLength(0);
  });

  it('does not call the epoch loop unvalidated when the validation rows are unpacked into the call', () => {
    const found = (call: string) => analyze({ ...REQ, 'train.py': trainLoop(call), 'ncf/__init__.py': '', 'ncf/evaluate.py': helper('pass') }).findings.filter((f) => f.rule === 'no-validation-loop');
    expect(found('ndcg = hit_ndcg_at_k(model, *valid_eval)')).toHaveLength(0);
    expect(found('ndcg = hit_ndcg_at_k(model, *train_arrays)')).toHaveLength(1);
  });
});

describe('a retrieval metric in the training file running the towers of a two-tower model', () => {
  const file = (prelude: string) => py`
    import torch

    from twotower.model import TwoTower


    def recall_at_k(model, dataset, catalog, k=10):
        ${prelude}
        doc_emb = model.doc_tower(catalog)
        q_emb = model.query_tower(dataset.q)
        topk = (q_emb @ doc_emb.T).topk(k, dim=1).indices
        return (topk == dataset.target[:, None]).any(dim=1).float().mean().item()


    torch.manual_seed(0)
    model = TwoTower(dropout=0.1)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    best = -1.0
    for epoch in range(10):
        model.train()
        for q, d in loader:
            loss = model(q, d)
            opt.zero_grad()
            loss.backward()
            opt.step()
        val_recall = recall_at_k(model, val_ds, catalog)
        if val_recall > best:
            best = val_recall
            torch.save(model.state_dict(), "best.pt")
  `;

  it('fires when recall_at_k, handed the validation rows, runs in train mode', () => {
    const found = evalMode({ 'train.py': file('pass'), 'twotower/__init__.py': '', 'twotower/model.py': 'class TwoTower:\n    pass\n' });
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(6);
  });

  it('stays silent when it switches to eval mode under no_grad', () => {
    const found = evalMode({ 'train.py': file('model.eval()').replace('def recall_at_k', '@torch.no_grad()\ndef recall_at_k'), 'twotower/__init__.py': '', 'twotower/model.py': 'class TwoTower:\n    pass\n' });
    expect(found).toHaveLength(0);
  });
});

describe('an evaluation function whose forward pass is in a helper of another module', () => {
  const files = (prelude: string) => ({
    'sv/__init__.py': '',
    'sv/embeddings.py': py`
      import torch


      @torch.no_grad()
      def extract_embeddings(model, utts):
          ${prelude}
          return {u: model(load(u)) for u in utts}
    `,
    'train.py': py`
      import torch

      from sv.embeddings import extract_embeddings


      def evaluate_trials(model, trials):
          embs = extract_embeddings(model, sorted(set(trials["enroll"])))
          return score(trials, embs)


      torch.manual_seed(0)
      model = XVector(dropout=0.1)
      opt = torch.optim.Adam(model.parameters(), lr=1e-3)
      for epoch in range(10):
          model.train()
          for x, y in loader:
              opt.zero_grad()
              loss = head(model(x), y)
              loss.backward()
              opt.step()
          val_eer = evaluate_trials(model, val_trials)
          torch.save(model.state_dict(), "last.pt")
    `,
  });

  it('fires, naming and citing the helper’s forward pass', () => {
    const found = evalMode(files('pass'));
    expect(found).toHaveLength(1);
    expect(found[0]!.issue).toContain('sv/embeddings.py:7');
    expect(found[0]!.sites).toContainEqual({ file: 'sv/embeddings.py', line: 7 });
  });

  it('stays silent when the helper switches to eval mode', () => {
    expect(evalMode(files('model.eval()'))).toHaveLength(0);
  });
});

describe('feature extraction with a backbone built in eval mode, and MC dropout', () => {
  it('stays silent when the caller builds the network with a helper that returns net.eval()', () => {
    const found = evalMode({
      'probe.py': py`
        import torch
        from torchvision.models import resnet50


        def backbone():
            net = resnet50(weights=None)
            return net.eval()


        @torch.no_grad()
        def features(net, loader):
            return torch.cat([net(x) for x, _ in loader])


        for kind in ("a", "b"):
            net = backbone()
            Z_tr = features(net, train_loader)
            Z_te = features(net, test_loader)
      `,
    });
    expect(found).toHaveLength(0);
  });

  it('still fires when the helper returns the network in train mode', () => {
    const found = evalMode({
      'probe.py': py`
        import torch
        from torchvision.models import resnet50


        def backbone():
            net = resnet50(weights=None)
            return net


        @torch.no_grad()
        def features(net, loader):
            return torch.cat([net(x) for x, _ in loader])


        for kind in ("a", "b"):
            net = backbone()
            Z_tr = features(net, train_loader)
            Z_te = features(net, test_loader)
      `,
    });
    expect(found).toHaveLength(1);
  });

  it('stays silent on model.train() written on purpose in a no_grad predictor (MC dropout)', () => {
    const found = evalMode({
      'mc.py': py`
        import torch


        @torch.no_grad()
        def mc_predict(model, X, T=100):
            model.train()  # MC dropout
            return torch.stack([model(X) for _ in range(T)]).mean(0)


        preds = mc_predict(model, X_test)
      `,
    });
    expect(found).toHaveLength(0);
  });

  it('does not count constructing a scikit-learn classifier as running a model', () => {
    const found = evalMode({
      'sweep.py': py`
        import torch
        from sklearn.dummy import DummyClassifier


        def baselines(train, test):
            (X_tr, y_tr), (X_te, y_te) = train, test
            for name, clf in {"majority": DummyClassifier()}.items():
                print(name, clf.fit(X_tr, y_tr).score(X_te, y_te))


        baselines(train, test)
      `,
    });
    expect(found).toHaveLength(0);
  });
});
