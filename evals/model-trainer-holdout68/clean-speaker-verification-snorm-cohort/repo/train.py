"""ThinResNet + AAM speaker embeddings; cosine and adaptive s-norm scoring."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader, Dataset

from spkver.embed import embed_utterances, load_fbank
from spkver.model import AAMHead, ThinResNet
from spkver.scoring import adaptive_snorm, cosine_scores, eer, min_dcf

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
run_dir = Path(cfg["run_dir"])
run_dir.mkdir(parents=True, exist_ok=True)


class Crops(Dataset):
    def __init__(self, df):
        self.utts, self.y = df["utt"].tolist(), df["spk_idx"].tolist()

    def __len__(self):
        return len(self.utts)

    def __getitem__(self, i):
        f = load_fbank(cfg["feats_dir"], self.utts[i])
        n = cfg["segment_frames"]
        if len(f) < n:
            f = np.pad(f, ((0, n - len(f)), (0, 0)), mode="wrap")
        s = np.random.randint(0, len(f) - n + 1)
        return torch.from_numpy(f[s:s + n]), self.y[i]


train = pd.read_csv(cfg["train_list"])
train["spk_idx"] = train["speaker"].astype("category").cat.codes
dev_trials = pd.read_csv(cfg["dev_trials"])
test_trials = pd.read_csv(cfg["test_trials"])


def evaluate(trials, cohort=None):
    utts = sorted(set(trials["enroll"]) | set(trials["test"]))
    embs = embed_utterances(model, utts, cfg["feats_dir"], device)
    scores = cosine_scores(trials, embs) if cohort is None else adaptive_snorm(trials, embs, cohort, cfg["snorm_top_k"])
    return eer(trials["label"], scores), min_dcf(trials["label"], scores)


loader = DataLoader(Crops(train), batch_size=cfg["batch_size"], shuffle=True, num_workers=8, drop_last=True)
model = ThinResNet(emb_dim=cfg["emb_dim"]).to(device)
head = AAMHead(cfg["emb_dim"], train["spk_idx"].nunique(), cfg["aam_margin"], cfg["aam_scale"]).to(device)
opt = torch.optim.Adam(list(model.parameters()) + list(head.parameters()), lr=cfg["lr"], weight_decay=2e-5)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2)

best, stale = 1.0, 0
for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in loader:
        opt.zero_grad()
        loss = head(model(x.to(device)), y.to(device))
        loss.backward()
        opt.step()
    dev_eer, dev_dcf = evaluate(dev_trials)
    sched.step(dev_eer)
    print(f"epoch {epoch:02d} loss {loss.item():.3f} dev EER {dev_eer:.4f} minDCF {dev_dcf:.4f}")
    if dev_eer < best:
        best, stale = dev_eer, 0
        torch.save(model.state_dict(), run_dir / "best.pt")
    else:
        stale += 1
        if stale >= cfg["patience"]:
            break

model.load_state_dict(torch.load(run_dir / "best.pt", map_location=device))
cohort_utts = train.groupby("speaker").head(cfg["cohort_per_speaker"])
cohort_emb = embed_utterances(model, cohort_utts["utt"], cfg["feats_dir"], device)
cohort = np.stack([
    np.mean([cohort_emb[u] for u in g["utt"]], axis=0) for _, g in cohort_utts.groupby("speaker")
])
cohort /= np.linalg.norm(cohort, axis=1, keepdims=True)

results = {}
results["cosine"] = evaluate(test_trials)
results["cosine+as-norm"] = evaluate(test_trials, cohort)
test_utts = sorted(set(test_trials["enroll"]) | set(test_trials["test"]))
fbank_stats = {u: load_fbank(cfg["feats_dir"], u).std(axis=0) for u in test_utts}
fbank_stats = {u: v / np.linalg.norm(v) for u, v in fbank_stats.items()}
base = cosine_scores(test_trials, fbank_stats)
results["baseline_fbank_std_cosine"] = (eer(test_trials["label"], base), min_dcf(test_trials["label"], base))
for k, (e, d) in results.items():
    print(f"{k:28s} EER {100 * e:.2f}%  minDCF {d:.4f}")
(run_dir / "test_results.json").write_text(json.dumps(results, indent=2))
