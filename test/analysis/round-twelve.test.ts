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

// Round-thirteen idioms (bandits and RL, fairness audits, survival models, multimodal retrieval).
const rule = (files: Record<string, string>, id: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === id);

describe('per-group fairness tables', () => {
  const audit = (column: string) => ({
    'audit.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("loans.csv")
      train, test = train_test_split(df, test_size=0.2, random_state=0)
      model = LogisticRegression().fit(train[["x1", "x2"]], train["bad"])
      p = model.predict_proba(test[["x1", "x2"]])[:, 1]
      approved = p < 0.2
      rows = []
      for g in test["group"].unique():
          m = (test["group"] == g).to_numpy()
          rows.append({"group": g, "approval_rate": approved[m].mean(), "auc": roc_auc_score(test["bad"][m], p[m])})
      table = pd.DataFrame(rows)
      table["air"] = table["approval_rate"] / table["${column}"].max()
      print(table)
    `,
  });

  it('does not take the largest approval rate, the adverse-impact reference, for a pick of the best test score', () => {
    expect(rule(audit('approval_rate'), 'test-set-selection')).toHaveLength(0);
  });

  it('still reads the largest AUC of the table as a pick', () => {
    expect(rule(audit('auc'), 'test-set-selection')).toHaveLength(1);
  });

  const parity = (column: string) => ({
    'parity.py': py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import accuracy_score, roc_auc_score
      from sklearn.model_selection import train_test_split


      def parity(frame, pred):
          frame = frame.assign(pred=pred)
          out = frame.groupby("band").apply(lambda g: pd.Series({"n": len(g), "accuracy": accuracy_score(g["bad"], g["pred"])}))
          out["gap"] = out["${column}"].max() - out["${column}"]
          return out


      df = pd.read_csv("claims.csv")
      train, test = train_test_split(df, test_size=0.2, random_state=0)
      model = LogisticRegression().fit(train[["x1", "x2"]], train["bad"])
      pred = model.predict(test[["x1", "x2"]])
      print(roc_auc_score(test["bad"], model.predict_proba(test[["x1", "x2"]])[:, 1]))
      print(parity(test, pred))
    `,
  });

  it('does not call the gap to the best group’s accuracy a statistic learned from the test rows', () => {
    expect(rule(parity('accuracy'), 'fit-on-test')).toHaveLength(0);
  });
});

describe('baselines and search indexes fitted on held-out rows', () => {
  const fitOn = (estimator: string, rows: string) => ({
    'fit.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split
      from sklearn.neighbors import KNeighborsClassifier, NearestNeighbors

      df = pd.read_csv("items.csv")
      train, rest = train_test_split(df, test_size=0.4, random_state=0)
      val, test = train_test_split(rest, test_size=0.5, random_state=0)
      model = LogisticRegression().fit(train[["a", "b"]], train["y"])
      other = ${estimator}.fit(${rows})
      print(model.score(test[["a", "b"]], test["y"]))
    `,
  });

  it('stays silent on a DummyClassifier prior learned from validation labels', () => {
    expect(rule(fitOn('DummyClassifier(strategy="prior")', 'np.zeros((len(val), 1)), val["y"]'), 'fit-on-test')).toHaveLength(0);
  });

  it('still fires for a classifier fitted on the validation rows', () => {
    expect(rule(fitOn('KNeighborsClassifier()', 'val[["a", "b"]], val["y"]'), 'fit-on-test')).toHaveLength(1);
  });

  it('stays silent on a NearestNeighbors index over the test gallery', () => {
    expect(rule(fitOn('NearestNeighbors(n_neighbors=10)', 'test[["a", "b"]]'), 'fit-on-test')).toHaveLength(0);
  });

  it('still fires for a nearest-neighbour classifier fitted on the test rows', () => {
    expect(rule(fitOn('KNeighborsClassifier()', 'test[["a", "b"]], test["y"]'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('a reinforcement-learning agent', () => {
  const agent = (clear: string) => ({
    'dqn/__init__.py': '',
    'dqn/agent.py': py`
      import torch
      import torch.nn.functional as F


      class Agent:
          def __init__(self, net):
              self.q_net = net
              self.optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)

          def update(self, batch):
              obs, target = batch
              ${clear}
              loss = F.smooth_l1_loss(self.q_net(obs), target)
              loss.backward()
              self.optimizer.step()
              return loss.item()
    `,
    'train.py': py`
      import gymnasium as gym
      import torch

      from dqn.agent import Agent

      torch.manual_seed(0)
      env = gym.make("CartPole-v1")
      agent = Agent(torch.nn.Linear(4, 2))
      obs, _ = env.reset(seed=0)
      for step in range(10000):
          obs, reward, done, truncated, _ = env.step(env.action_space.sample())
          agent.update(buffer.sample(64))
      torch.save(agent.q_net.state_dict(), "dqn.pt")
    `,
  });

  it('fires missing-zero-grad in an update method that another file calls in its loop', () => {
    const found = rule(agent('pass'), 'missing-zero-grad');
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('dqn/agent.py');
    expect(found[0]!.fixed).toContain('self.optimizer.zero_grad()');
  });

  it('stays silent when the update clears the gradients', () => {
    expect(rule(agent('self.optimizer.zero_grad()'), 'missing-zero-grad')).toHaveLength(0);
  });

  it('does not ask an agent trained in an environment for held-out rows', () => {
    expect(rule(agent('self.optimizer.zero_grad()'), 'no-held-out-evaluation')).toHaveLength(0);
  });

  const ppo = (extra: string, config = 'ppo:\n  n_steps: 1024\n') => ({
    'configs/ppo.yaml': config,
    'train_ppo.py': py`
      import yaml
      from stable_baselines3 import PPO
      from stable_baselines3.common.env_util import make_vec_env

      cfg = yaml.safe_load(open("configs/ppo.yaml"))
      env = make_vec_env("LunarLander-v2", n_envs=8${extra})
      model = PPO("MlpPolicy", env, **cfg["ppo"]${extra})
      model.learn(total_timesteps=1_000_000)
      model.save("ppo_lander")
    `,
  });

  it('fires missing-random-seed for Stable-Baselines3 environments and agents built without seed', () => {
    const found = rule(ppo(''), 'missing-random-seed');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(6);
  });

  it('stays silent when they are given seed=', () => {
    expect(rule(ppo(', seed=0'), 'missing-random-seed')).toHaveLength(0);
  });

  it('leaves an agent whose settings are unpacked into it alone when the settings file names a seed', () => {
    const found = rule({ ...ppo('', 'ppo:\n  n_steps: 1024\n  seed: 3\n'), 'train_ppo.py': ppo('')['train_ppo.py'].replace('n_envs=8', 'n_envs=8, seed=0') }, 'missing-random-seed');
    expect(found).toHaveLength(0);
  });
});

describe('a bandit policy chosen by its off-policy estimate', () => {
  const select = (logs: string) => ({
    'ope.py': py`
      import numpy as np


      def snips(target, logged, rewards, propensities):
          w = (target == logged) / propensities
          return float(np.sum(w * rewards) / np.sum(w))
    `,
    'select.py': py`
      import numpy as np
      import pandas as pd

      from ope import snips

      logs = pd.read_parquet("logs.parquet").sort_values("ts")
      cut = int(len(logs) * 0.8)
      train_logs, test_logs = logs.iloc[:cut], logs.iloc[cut:]
      a_te, r_te, p_te = test_logs["action"].to_numpy(), test_logs["reward"].to_numpy(), test_logs["propensity"].to_numpy()
      a_va, r_va, p_va = train_logs["action"].to_numpy(), train_logs["reward"].to_numpy(), train_logs["propensity"].to_numpy()
      results = []
      for alpha in [0.1, 0.5, 1.0]:
          target = fit_policy(train_logs, alpha)
          results.append({"alpha": alpha, "snips": snips(target, ${logs})})
      best = max(results, key=lambda row: row["snips"])
      print(best)
    `,
  });

  it('fires when the estimate is of the test logs', () => {
    expect(rule(select('a_te, r_te, p_te'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it is of other logs', () => {
    expect(rule(select('a_va, r_va, p_va'), 'test-set-selection')).toHaveLength(0);
  });
});

describe('accuracy alone on an imbalanced click model', () => {
  const clicks = (metrics: string) => ({
    'clicks.py': py`
      """Positives are ~1.8% of impressions."""
      import pandas as pd
      from sklearn.linear_model import SGDClassifier
      from sklearn.metrics import accuracy_score, roc_auc_score
      from sklearn.model_selection import train_test_split

      df = pd.read_parquet("logs.parquet")
      X_train, X_test, y_train, y_test = train_test_split(df[["a", "b"]], df["click"], stratify=df["click"], random_state=0)
      clf = SGDClassifier(loss="log_loss", random_state=0).fit(X_train, y_train)
      print(${metrics})
    `,
  });

  it('fires HIGH: the training objective log_loss is no reported metric', () => {
    const found = rule(clicks('accuracy_score(y_test, clf.predict(X_test))'), 'accuracy-only');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('HIGH');
  });

  it('stays silent when ROC-AUC is reported too', () => {
    expect(rule(clicks('accuracy_score(y_test, clf.predict(X_test)), roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1])'), 'accuracy-only')).toHaveLength(0);
  });
});

describe('survival models', () => {
  it('fires when a pycox model early-stops on val_data that is the test set, and not on a validation set', () => {
    const deepsurv = (val: string) => ({
      'deepsurv.py': py`
        import torchtuples as tt
        from pycox.models import CoxPH
        from sklearn.model_selection import train_test_split

        df_train, df_test = train_test_split(df, test_size=0.2, random_state=0)
        df_train, df_val = train_test_split(df_train, test_size=0.2, random_state=0)
        x_train, x_val, x_test = mapper.fit_transform(df_train), mapper.transform(df_val), mapper.transform(df_test)
        y_train, y_val, y_test = get_target(df_train), get_target(df_val), get_target(df_test)
        model = CoxPH(net, tt.optim.Adam())
        log = model.fit(x_train, y_train, 256, 100, [tt.callbacks.EarlyStopping()], val_data=${val})
      `,
    });
    expect(rule(deepsurv('(x_test, y_test)'), 'test-set-selection')).toHaveLength(1);
    expect(rule(deepsurv('(x_val, y_val)'), 'test-set-selection')).toHaveLength(0);
  });

  const gbsa = (excluded: string) => ({
    'gbsa.py': py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from sksurv.ensemble import GradientBoostingSurvivalAnalysis
      from sksurv.util import Surv

      df = pd.read_csv("nsclc.csv")
      df["died_12m"] = ((df["os_months"] <= 12) & (df["death"] == 1)).astype(int)
      target_cols = ["os_months", "death"]
      feature_cols = [c for c in df.columns if c not in target_cols + ${excluded}]
      X = df[feature_cols]
      y = Surv.from_dataframe("death", "os_months", df)
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
      model = GradientBoostingSurvivalAnalysis(random_state=0).fit(X_train, y_train)
      print(model.score(X_test, y_test))
    `,
  });

  it('fires when a column computed from the event and time is swept into the features', () => {
    expect(rule(gbsa('["patient_id"]'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when the sweep leaves it out', () => {
    expect(rule(gbsa('["patient_id", "died_12m"]'), 'preprocessing-before-split')).toHaveLength(0);
  });
});

describe('multimodal inputs and quotas', () => {
  const vqa = (adapted: string) => ({
    'vqa.py': py`
      import pandas as pd
      from tensorflow import keras
      from tensorflow.keras import layers

      train_df = pd.read_json("data/qa_train.json")
      test_df = pd.read_json("data/qa_test.json")
      vectorizer = layers.TextVectorization(max_tokens=6000, output_sequence_length=24)
      vectorizer.adapt(${adapted})
      X_q_tr = vectorizer(train_df["question"].values).numpy()
      X_img_tr = load_images(train_df)
      model = build_model()
      model.fit({"image": X_img_tr, "question": X_q_tr}, train_df["y"], epochs=10, validation_split=0.1)
    `,
  });

  it('fires when a vectorizer adapted on train and test questions feeds a model through named inputs', () => {
    expect(rule(vqa('pd.concat([train_df["question"], test_df["question"]]).values'), 'fit-on-test')).toHaveLength(1);
  });

  it('stays silent when it is adapted on the training questions', () => {
    expect(rule(vqa('train_df["question"].values'), 'fit-on-test')).toHaveLength(0);
  });

  const quota = (before: string, after: string) => ({
    'medvqa.py': py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split

      qa = pd.read_parquet("slake.parquet")
      ${before}
      parts = []
      for answer, group in rows.groupby("answer"):
          if len(group) < 30:
              group = group.sample(n=30, replace=True, random_state=0)
          parts.append(group)
      balanced = pd.concat(parts).reset_index(drop=True)
      ${after}
      model = LogisticRegression().fit(train_df[["a", "b"]], train_df["answer"])
      print(model.score(test_df[["a", "b"]], test_df["answer"]))
    `,
  });

  it('fires when small answer groups are drawn up to a quota before the split', () => {
    expect(rule(quota('rows = qa', 'train_df, test_df = train_test_split(balanced, test_size=0.2, random_state=0)'), 'oversampling-before-split')).toHaveLength(1);
  });

  it('stays silent when only the training rows are topped up', () => {
    expect(rule(quota('train_df, test_df = train_test_split(qa, test_size=0.2, random_state=0)\nrows = train_df', 'train_df = balanced'), 'oversampling-before-split')).toHaveLength(0);
  });
});

describe('a DatasetDict built by a project helper from Dataset.from_list', () => {
  const files = (evalSplit: string) => ({
    'docs/__init__.py': '',
    'docs/dataset.py': py`
      import json
      from pathlib import Path

      from datasets import Dataset, DatasetDict


      def _read_split(data_dir, split):
          return [json.loads(line) for line in Path(data_dir, f"{split}.jsonl").read_text().splitlines()]


      def load_docs(data_dir):
          return DatasetDict({split: Dataset.from_list(_read_split(data_dir, split)) for split in ("train", "validation", "test")})
    `,
    'train.py': py`
      from transformers import AutoModelForTokenClassification, EarlyStoppingCallback, Trainer, TrainingArguments

      from docs.dataset import load_docs

      ds = load_docs("data")
      model = AutoModelForTokenClassification.from_pretrained("microsoft/layoutlmv3-base", num_labels=9)
      args = TrainingArguments(output_dir="out", eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True, metric_for_best_model="f1", seed=0)
      trainer = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds["${evalSplit}"],
                        callbacks=[EarlyStoppingCallback(early_stopping_patience=3)])
      trainer.train()
      print(trainer.predict(ds["test"]).metrics)
    `,
  });

  it('fires when the Trainer early-stops on its test split', () => {
    expect(rule(files('test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it watches the validation split', () => {
    expect(rule(files('validation'), 'test-set-selection')).toHaveLength(0);
  });
});

// Round-fourteen idioms (video, tabular deep learning, genomics, document AI).
describe('TabNet early stopping', () => {
  const tabnet = (evalSet: string) => ({
    'tabnet.py': py`
      from pytorch_tabnet.tab_model import TabNetClassifier
      from sklearn.model_selection import train_test_split

      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
      X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=0)
      clf = TabNetClassifier(seed=0)
      clf.fit(X_train, y_train, eval_set=[(X_train, y_train), ${evalSet}], eval_metric=["auc"], max_epochs=200, patience=20)
      print(clf.predict_proba(X_test)[:, 1])
    `,
  });

  it('fires when the last eval_set, the one patience watches, is the test set', () => {
    expect(rule(tabnet('(X_test, y_test)'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it is the validation set', () => {
    expect(rule(tabnet('(X_val, y_val)'), 'test-set-selection')).toHaveLength(0);
  });
});

describe('a test pass after the epoch loop', () => {
  const notebook = (before: string) => ({
    'mlp.py': py`
      import torch

      torch.manual_seed(0)
      model = TabularMLP(dropout=0.2)
      opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
      best = 0.0
      for epoch in range(100):
          model.train()
          for xc, xn, yb in train_loader:
              opt.zero_grad()
              loss = criterion(model(xc, xn), yb)
              loss.backward()
              opt.step()
          torch.save(model.state_dict(), "best.pt")
      model.load_state_dict(torch.load("best.pt"))
      ${before}
      with torch.no_grad():
          p_test = torch.sigmoid(model(te[0], te[1])).numpy()
    `,
  });

  it('fires when the model still is in train mode', () => {
    const found = rule(notebook('pass'), 'missing-eval-mode');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(18);
  });

  it('stays silent after model.eval()', () => {
    expect(rule(notebook('model.eval()'), 'missing-eval-mode')).toHaveLength(0);
  });
});

describe('fits on all rows after the evaluation', () => {
  const refit = (after: string) => ({
    'refit.py': py`
      import numpy as np
      import pandas as pd
      import tensorflow as tf
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import train_test_split


      def make_model(reference):
          norm = tf.keras.layers.Normalization()
          norm.adapt(reference[["a", "b"]].values)
          inp = tf.keras.Input(shape=(2,))
          model = tf.keras.Model(inp, tf.keras.layers.Dense(1, activation="sigmoid")(norm(inp)))
          model.compile("adam", "binary_crossentropy")
          return model


      df = pd.read_csv("accounts.csv")
      train_df, test_df = train_test_split(df, test_size=0.2, random_state=0)
      model = make_model(train_df)
      model.fit(train_df[["a", "b"]].values, train_df["y"].values, epochs=5, validation_split=0.1)
      print(roc_auc_score(test_df["y"], model.predict(test_df[["a", "b"]].values).ravel()))
      full_df = pd.concat([train_df, test_df], ignore_index=True)
      prod = make_model(full_df)
      prod.fit(full_df[["a", "b"]].values, full_df["y"].values, epochs=5)
      ${after}
    `,
  });

  it('stays silent on the production refit made after the test score was taken', () => {
    expect(rule(refit('prod.save("prod.keras")'), 'fit-on-test')).toHaveLength(0);
  });

  it('fires when the refit model is scored on the test rows again', () => {
    expect(rule(refit('print(roc_auc_score(test_df["y"], prod.predict(test_df[["a", "b"]].values).ravel()))'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('genomics', () => {
  it('does not take allele frequencies of a reference panel read from another file for statistics of the cohort', () => {
    const panel = (source: string) => ({
      'ancestry.py': py`
        import numpy as np
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split

        ref = pd.read_parquet("ref/1kg_dosages.parquet")
        cohort = pd.read_parquet("cohort/dosages.parquet")
        ref_af = ${source}.mean(axis=0) / 2
        centred = (cohort - 2 * ref_af) / np.sqrt(2 * ref_af * (1 - ref_af))
        X_train, X_test, y_train, y_test = train_test_split(centred, pheno["case"], test_size=0.2, stratify=pheno["case"], random_state=0)
        model = LogisticRegression().fit(X_train, y_train)
        print(model.score(X_test, y_test))
      `,
    });
    expect(rule(panel('ref'), 'preprocessing-before-split')).toHaveLength(0);
    expect(rule(panel('cohort'), 'preprocessing-before-split')).toHaveLength(1);
  });

  const scan = (rows: string) => ({
    'gwas.py': py`
      import pandas as pd
      from scipy import stats
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split


      def scan(dosages, phenotype):
          pvals = {}
          for snp in dosages.columns:
              _, p, _, _ = stats.chi2_contingency(pd.crosstab(phenotype, dosages[snp].round()))
              pvals[snp] = p
          return pd.Series(pvals).sort_values()


      def top_snps(dosages, phenotype, thr=1e-5):
          pvals = scan(dosages, phenotype)
          hits = pvals[pvals < thr]
          if len(hits) > 100:
              hits = hits.iloc[:100]
          return list(hits.index)


      X = pd.read_csv("dosages.csv")
      y = pd.read_csv("pheno.csv")["case"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      snps = top_snps(${rows})
      model = LogisticRegression().fit(X_train[snps], y_train)
      print(model.score(X_test[snps], y_test))
    `,
  });

  it('fires when an association scan on all samples picks the SNPs', () => {
    expect(rule(scan('X, y'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when the scan runs on the training samples', () => {
    expect(rule(scan('X_train, y_train'), 'preprocessing-before-split')).toHaveLength(0);
  });

  it('reads one fold taken from list(splitter.split(...)) as a split', () => {
    const carve = (take: string) => ({
      'carve.py': py`
        import pandas as pd
        from lightgbm import LGBMClassifier
        from sklearn.model_selection import StratifiedGroupKFold

        df = pd.read_parquet("variants.parquet")
        y, groups = df["diagnostic"].values, df["proband_id"].values
        sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
        dev, test = ${take}
        clf = LGBMClassifier(random_state=0).fit(df.iloc[dev][["a", "b"]], y[dev])
        df["score"] = clf.predict_proba(df[["a", "b"]])[:, 1]
        print(df.iloc[test]["score"].mean())
      `,
    });
    expect(rule(carve('list(sgkf.split(df, y, groups))[0]'), 'preprocessing-before-split')).toHaveLength(0);
  });
});

// Round-fifteen idioms (graph learning).
describe('node masks of a graph', () => {
  const cora = (monitor: string) => ({
    'cora.py': py`
      import copy

      import torch
      import torch.nn.functional as F
      from torch_geometric.datasets import Planetoid
      from torch_geometric.nn import GCNConv

      torch.manual_seed(0)
      cfg = {"monitor": "${monitor}", "epochs": 200}
      data = Planetoid("data", "Cora")[0]


      class GCN(torch.nn.Module):
          def __init__(self):
              super().__init__()
              self.conv = GCNConv(1433, 7)

          def forward(self, x, edge_index):
              return self.conv(F.dropout(x, 0.5, self.training), edge_index)


      model = GCN()
      optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=5e-4)


      @torch.no_grad()
      def predict():
          model.eval()
          return model(data.x, data.edge_index).argmax(dim=-1)


      def mask_accuracy(pred, mask):
          return float((pred[mask] == data.y[mask]).float().mean())


      best_acc, best_state = 0.0, None
      for epoch in range(cfg["epochs"]):
          model.train()
          optimizer.zero_grad()
          out = model(data.x, data.edge_index)
          F.cross_entropy(out[data.train_mask], data.y[data.train_mask]).backward()
          optimizer.step()
          acc = mask_accuracy(predict(), getattr(data, cfg["monitor"]))
          if acc > best_acc:
              best_acc, best_state = acc, copy.deepcopy(model.state_dict())
      torch.save(best_state, "gcn.pt")
      print(mask_accuracy(predict(), data.test_mask))
    `,
  });

  it('fires when early stopping watches the test nodes (named by a setting)', () => {
    expect(rule(cora('test_mask'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it watches the validation nodes, and does not ask for held-out rows', () => {
    const all = analyze({ ...REQ, ...cora('val_mask') }).findings;
    expect(all.filter((f) => f.rule === 'test-set-selection')).toHaveLength(0);
    expect(all.filter((f) => f.rule === 'no-held-out-evaluation')).toHaveLength(0);
  });

  it('keeps positions of the training and validation nodes together a training part', () => {
    const sgc = (fitOn: string) => ({
      'sgc.py': py`
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        from torch_geometric.datasets import Amazon

        data = Amazon("data", "Computers")[0]
        X, y = data.x.numpy(), data.y.numpy()
        idx = np.arange(len(y))
        train_idx, rest_idx = train_test_split(idx, train_size=0.6, stratify=y, random_state=0)
        val_idx, test_idx = train_test_split(rest_idx, test_size=0.5, stratify=y[rest_idx], random_state=0)
        fit_idx = ${fitOn}
        scaler = StandardScaler().fit(X[fit_idx])
        clf = LogisticRegression().fit(scaler.transform(X[fit_idx]), y[fit_idx])
        print(clf.score(scaler.transform(X[test_idx]), y[test_idx]))
      `,
    });
    expect(rule(sgc('np.concatenate([train_idx, val_idx])'), 'preprocessing-before-split')).toHaveLength(0);
    expect(rule(sgc('idx'), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('a sweep recording validation and test scores under their names', () => {
  const sweep = (by: string) => ({
    'sweep.py': py`
      import pandas as pd

      results = []
      for hidden in (128, 256):
          model, val_acc = train_config(hidden)
          test_acc = run_eval(model, loaders["test"])
          results.append({"hidden": hidden, "val_acc": val_acc, "test_acc": test_acc})
      results = pd.DataFrame(results)
      best = results.sort_values("${by}", ascending=False).iloc[0]
      print(best)
    `,
  });

  it('fires when the best configuration is the one with the best test score', () => {
    expect(rule(sweep('test_acc'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it is the one with the best validation score', () => {
    expect(rule(sweep('val_acc'), 'test-set-selection')).toHaveLength(0);
  });
});

// Round-sixteen idioms (wearables and activity recognition).
describe('windows of time-ordered recordings', () => {
  const har = (split: string) => ({
    'windows.py': py`
      import numpy as np


      def sliding_windows(df, window, step):
          for subject, rec in df.groupby("subject"):
              rec = rec.sort_values("timestamp")
              values = rec[["x", "y", "z"]].to_numpy()
              labels = rec["activity"].to_numpy()
              for start in range(0, len(rec) - window + 1, step):
                  yield subject, values[start:start + window], labels[start + window - 1]


      def build(df, window, step):
          X, y, groups = [], [], []
          for subject, seg, lab in sliding_windows(df, window, step):
              X.append(seg.mean(axis=0))
              y.append(lab)
              groups.append(subject)
          return np.vstack(X), np.asarray(y), np.asarray(groups)
    `,
    'train.py': py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.model_selection import GroupShuffleSplit, train_test_split

      from windows import build

      df = pd.read_csv("wisdm.csv")
      X, y, groups = build(df, 200, 100)
      ${split}
      rf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
      print(rf.score(X_test, y_test))
    `,
  });

  it('fires when windows a generator cut from each recording are split at random', () => {
    expect(rule(har('X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stays silent when whole subjects are held out', () => {
    const bySubject = py`
      tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(X, y, groups))
      X_train, X_test, y_train, y_test = X[tr], X[te], y[tr], y[te]
    `;
    expect(rule(har(bySubject), 'shuffled-time-series-split')).toHaveLength(0);
  });

  it('stays silent on cross-validation folds that keep subjects whole', () => {
    const files = {
      'cv.py': py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import StratifiedGroupKFold, cross_val_score

        df = pd.read_csv("fog.csv").sort_values("time_ms")
        X, y = df[["a", "b"]], df["freeze"]
        cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
        print(cross_val_score(RandomForestClassifier(random_state=0), X, y, groups=df["subject"], cv=cv, scoring="f1").mean())
      `,
    };
    expect(rule(files, 'shuffled-time-series-split')).toHaveLength(0);
    const mixed = { 'cv.py': files['cv.py'].replace(', groups=df["subject"]', '').replace('StratifiedGroupKFold', 'StratifiedKFold') };
    expect(rule(mixed, 'shuffled-time-series-split')).toHaveLength(1);
  });
});

describe('channel statistics of the training, validation and test windows together', () => {
  const cnn = (pooled: string) => ({
    'train.py': py`
      import numpy as np
      import torch
      from torch.utils.data import DataLoader, TensorDataset



      def load_subjects(ids):
          x = np.concatenate([np.load(f"data/s{i}_x.npy") for i in ids])
          y = np.concatenate([np.load(f"data/s{i}_y.npy") for i in ids])
          return x, y


      class SensorCNN(torch.nn.Module):
          def __init__(self):
              super().__init__()
              self.net = torch.nn.Conv1d(9, 12, 5)

          def forward(self, x):
              return self.net(x).mean(-1)


      torch.manual_seed(0)
      x_tr, y_tr = load_subjects([1, 2, 3, 4, 5, 6])
      x_va, y_va = load_subjects([7, 8])
      x_te, y_te = load_subjects([9, 10])
      pooled = ${pooled}
      mean, std = pooled.mean(axis=0), pooled.std(axis=0)
      x_tr, x_va, x_te = ((a - mean) / std for a in (x_tr, x_va, x_te))
      loader = DataLoader(TensorDataset(torch.from_numpy(x_tr), torch.from_numpy(y_tr)), batch_size=64, shuffle=True)
      model = SensorCNN()
      opt = torch.optim.Adam(model.parameters(), lr=1e-3)
      for epoch in range(10):
          for xb, yb in loader:
              opt.zero_grad()
              loss = criterion(model(xb), yb)
              loss.backward()
              opt.step()
    `,
  });

  it('fires fit-on-test when they normalise the windows the network trains on', () => {
    expect(rule(cnn('np.concatenate([x_tr, x_va, x_te])'), 'fit-on-test')).toHaveLength(1);
  });

  it('stays silent when they are of the training windows', () => {
    expect(rule(cnn('x_tr'), 'fit-on-test')).toHaveLength(0);
  });
});

// Round-seventeen idioms (forecasting, insurance pricing).
describe('a window over the target column that ends at the row itself', () => {
  const heat = (roll: string) => ({
    'heat.py': py`
      import pandas as pd
      import xgboost as xgb

      df = pd.read_csv("heat.csv", parse_dates=["ts"], index_col="ts")
      df["lag_24"] = df["heat_kw"].shift(24)
      df["roll_mean_24"] = ${roll}
      df = df.dropna()
      FEATURES = ["lag_24", "roll_mean_24", "t_out"]
      train, test = df.loc[:"2022-09-30"], df.loc["2022-10-01":]
      model = xgb.XGBRegressor(random_state=0).fit(train[FEATURES], train["heat_kw"])
      print(((model.predict(test[FEATURES]) - test["heat_kw"]).abs()).mean())
    `,
  });

  it('fires when the rolling mean of the target has no shift', () => {
    expect(rule(heat('df["heat_kw"].rolling(24).mean()'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when it is shifted to the past first', () => {
    expect(rule(heat('df["heat_kw"].shift(24).rolling(24).mean()'), 'preprocessing-before-split')).toHaveLength(0);
  });

  const claims = (prior: string) => ({
    'claims.py': py`
      import pandas as pd
      from sklearn.ensemble import HistGradientBoostingRegressor

      panel = pd.read_parquet("panel.parquet").sort_values(["policyholder_id", "policy_year"])
      g = panel.groupby("policyholder_id")
      panel["prior_exposure"] = g["exposure"].cumsum() - panel["exposure"]
      panel["prior_claims"] = ${prior}
      feats = ["driver_age", "prior_exposure", "prior_claims"]
      train, test = panel[panel["policy_year"] < 2023], panel[panel["policy_year"] == 2023]
      model = HistGradientBoostingRegressor(loss="poisson", random_state=0)
      model.fit(train[feats], train["claim_count"] / train["exposure"], sample_weight=train["exposure"])
      print(model.score(test[feats], test["claim_count"] / test["exposure"]))
    `,
  });

  it('fires when a running total of claims includes the year being predicted', () => {
    expect(rule(claims('g["claim_count"].cumsum()'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when the year itself is taken back out', () => {
    expect(rule(claims('g["claim_count"].cumsum() - panel["claim_count"]'), 'preprocessing-before-split')).toHaveLength(0);
  });
});

describe('a test pass after an evaluation helper switched the model to eval mode', () => {
  it('stays silent', () => {
    const files = {
      'severity.py': py`
        import torch


        def evaluate(model, loader):
            model.eval()
            with torch.no_grad():
                return sum(float(criterion(model(xb), yb)) for xb, yb in loader)


        torch.manual_seed(0)
        model = SeverityNet(dropout=0.2)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        for epoch in range(20):
            model.train()
            for xb, yb in train_dl:
                opt.zero_grad()
                criterion(model(xb), yb).backward()
                opt.step()
            torch.save(model.state_dict(), "best.pt")
        test_dev = evaluate(model, test_dl)
        with torch.no_grad():
            preds = model(X_test)
      `,
    };
    expect(rule(files, 'missing-eval-mode')).toHaveLength(0);
  });
});

describe('thresholds, featurewise statistics and training-set metrics (round 17)', () => {
  const spam = (pick: string) => ({
    'spam.py': py`
      import numpy as np
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import precision_recall_curve, roc_curve
      from sklearn.model_selection import train_test_split

      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      model = LogisticRegression().fit(X_train, y_train)
      test_scores = model.predict_proba(X_test)[:, 1]
      precision, recall, thresholds = precision_recall_curve(y_test, test_scores)
      ${pick}
    `,
  });

  it('fires when the threshold is the first point of the test curve that meets a precision target', () => {
    expect(rule(spam('ok = np.where(precision[:-1] >= 0.99)[0]\nthreshold = thresholds[ok[0]]\nprint((test_scores >= threshold).mean())'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent on recall at a precision, read off the curve as a metric', () => {
    expect(rule(spam('print(float(recall[precision >= 0.99].max()))'), 'test-set-selection')).toHaveLength(0);
  });

  const xray = (fitOn: string) => ({
    'xray.py': py`
      import numpy as np
      from sklearn.model_selection import train_test_split
      from tensorflow.keras.preprocessing.image import ImageDataGenerator

      X, y = np.load("images.npy"), np.load("labels.npy")
      datagen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True, rotation_range=10)
      ${fitOn === 'X' ? 'datagen.fit(X)\n' : ''}X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      ${fitOn === 'X_train' ? 'datagen.fit(X_train)\n' : ''}model = build_cnn()
      model.fit(datagen.flow(X_train, y_train, batch_size=32), epochs=10, validation_data=(X_test, y_test))
    `,
  });

  it('fires when featurewise statistics are learned from every image before the split', () => {
    expect(rule(xray('X'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when they are learned from the training images', () => {
    expect(rule(xray('X_train'), 'preprocessing-before-split')).toHaveLength(0);
  });

  const intents = (split: boolean) => ({
    'intents.py': py`
      import pandas as pd
      from sklearn.feature_extraction.text import CountVectorizer
      from sklearn.metrics import f1_score
      from sklearn.model_selection import train_test_split
      from sklearn.naive_bayes import MultinomialNB
      from sklearn.pipeline import Pipeline

      utterances = pd.read_csv("faq_utterances.csv")
      ${split ? 'train, test = train_test_split(utterances, test_size=0.2, random_state=0)' : 'train = scored = utterances'}
      model = Pipeline([("bow", CountVectorizer()), ("nb", MultinomialNB())]).fit(train["text"], train["intent"])
      ${split ? 'scored = test' : ''}
      print(f1_score(scored["intent"], model.predict(scored["text"]), average="macro"))
      print(model.predict(["where is my parcel"]))
    `,
  });

  it('fires no-held-out-evaluation when the metric is of the rows the model was fitted on (a demo prediction is no held-out use)', () => {
    expect(rule(intents(false), 'no-held-out-evaluation')).toHaveLength(1);
  });

  it('stays silent with a held-out split', () => {
    expect(rule(intents(true), 'no-held-out-evaluation')).toHaveLength(0);
  });
});

// Round-eighteen idioms (object detection).
describe('a split script run on its own', () => {
  const files = (seedInScript: string) => ({
    'tools/make_splits.py': py`
      import json
      import random


      def main():
          ${seedInScript}
          mosaics = sorted(json.load(open("coco.json"))["mosaics"])
          random.shuffle(mosaics)
          json.dump({"test": mosaics[:5], "train": mosaics[5:]}, open("splits.json", "w"))


      if __name__ == "__main__":
          main()
    `,
    'train.py': py`
      import random

      import numpy as np
      import torch


      def seed_everything(seed):
          random.seed(seed)
          np.random.seed(seed)
          torch.manual_seed(seed)


      seed_everything(0)
      print(random.random())
    `,
  });

  it('fires when its shuffle is unseeded, whatever another script seeds', () => {
    const found = rule(files('pass'), 'missing-random-seed');
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('tools/make_splits.py');
  });

  it('stays silent when the script seeds its own generator', () => {
    expect(rule(files('random.seed(7)'), 'missing-random-seed')).toHaveLength(0);
  });
});

describe('TensorFlow Datasets splits', () => {
  const voc = (evalSplit: string) => ({
    'voc.py': py`
      import tensorflow_datasets as tfds
      from tensorflow import keras


      def pipeline(split):
          return tfds.load("voc/2007", split=split).batch(8)


      train_ds = pipeline("train")
      eval_ds = pipeline("${evalSplit}")
      model = build_detector()
      callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)]
      model.fit(train_ds, validation_data=eval_ds, epochs=50, callbacks=callbacks)
    `,
  });

  it('fires when tfds.load(split="test") drives early stopping', () => {
    expect(rule(voc('test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent on the validation split', () => {
    expect(rule(voc('validation'), 'test-set-selection')).toHaveLength(0);
  });
});

describe('an Ultralytics data YAML', () => {
  const data = (val: string) => ({
    'configs/pcb.yaml': `path: /data/pcb\ntrain: images/train\nval: ${val}\ntest: images/test\nnames:\n  0: short\n  1: spur\n`,
    'train.py': py`
      from ultralytics import YOLO

      model = YOLO("yolov8s.pt")
      model.train(data="configs/pcb.yaml", epochs=100, patience=20, seed=0)
      print(model.val(data="configs/pcb.yaml", split="test").box.map)
    `,
  });

  it('fires when its validation images are the test images', () => {
    const found = rule(data('images/test'), 'test-set-selection');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'configs/pcb.yaml', line: 3 });
  });

  it('stays silent when validation has a folder of its own', () => {
    expect(rule(data('images/val'), 'test-set-selection')).toHaveLength(0);
  });
});

describe('a threshold picked on a curve inside a helper', () => {
  const files = (rows: string) => ({
    'metrics.py': py`
      import numpy as np
      from sklearn.metrics import roc_curve


      def threshold_for_sensitivity(y_true, proba, target):
          fpr, tpr, thresholds = roc_curve(y_true, proba)
          ok = np.where(tpr >= target)[0]
          return float(thresholds[ok[0]])
    `,
    'train.py': py`
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split

      from metrics import threshold_for_sensitivity

      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=0)
      model = LogisticRegression().fit(X_train, y_train)
      threshold = threshold_for_sensitivity(${rows}, 0.8)
      print((model.predict_proba(X_test)[:, 1] >= threshold).mean())
    `,
  });

  it('is cited at the call that hands it the test scores, the curve as a site', () => {
    const found = rule(files('y_test, model.predict_proba(X_test)[:, 1]'), 'test-set-selection');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'train.py', line: 9 });
  });

  it('stays silent when it is handed the validation scores', () => {
    expect(rule(files('y_val, model.predict_proba(X_val)[:, 1]'), 'test-set-selection')).toHaveLength(0);
  });
});
