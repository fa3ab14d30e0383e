"""Train an x-vector speaker embedding extractor with additive angular margin softmax."""
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader, Dataset

from sv.embeddings import extract_embeddings, load_feats, score_trials
from sv.metrics import compute_eer, compute_min_dcf
from sv.model import AAMSoftmax, XVector


class RandomSegments(Dataset):
    def __init__(self, frame, feats_dir, seg_frames):
        self.utts = frame["utt"].tolist()
        self.labels = frame["spk_idx"].tolist()
        self.feats_dir, self.seg = feats_dir, seg_frames

    def __len__(self):
        return len(self.utts)

    def __getitem__(self, i):
        feats = load_feats(self.feats_dir, self.utts[i])
        if len(feats) < self.seg:
            feats = np.pad(feats, ((0, self.seg - len(feats)), (0, 0)), mode="wrap")
        start = np.random.randint(0, len(feats) - self.seg + 1)
        seg = feats[start:start + self.seg]
        return torch.from_numpy(seg - seg.mean(axis=0, keepdims=True)), self.labels[i]


def evaluate_trials(model, trials, feats_dir, device):
    utts = sorted(set(trials["enroll"]) | set(trials["test"]))
    embs = extract_embeddings(model, utts, feats_dir, device)
    scores = score_trials(trials, embs)
    return compute_eer(trials["label"], scores), compute_min_dcf(trials["label"], scores)


def main(cfg):
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train = pd.read_csv(cfg["train_list"])
    train["spk_idx"] = train["speaker"].astype("category").cat.codes
    val_trials = pd.read_csv(cfg["val_trials"])
    test_trials = pd.read_csv(cfg["test_trials"], sep=" ", names=["label", "enroll", "test"])

    loader = DataLoader(RandomSegments(train, cfg["feats_dir"], cfg["segment_frames"]),
                        batch_size=cfg["batch_size"], shuffle=True, num_workers=8, drop_last=True)
    model = XVector(emb_dim=cfg["embedding_dim"]).to(device)
    head = AAMSoftmax(cfg["embedding_dim"], train["spk_idx"].nunique(), cfg["margin"], cfg["scale"]).to(device)
    params = list(model.parameters()) + list(head.parameters())
    optimizer = torch.optim.Adam(params, lr=cfg["lr"], weight_decay=2e-5)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    Path(cfg["ckpt"]).parent.mkdir(parents=True, exist_ok=True)
    best_eer, stale = 1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        head.train()
        total = 0.0
        for feats, labels in loader:
            feats, labels = feats.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = head(model(feats), labels)
            loss.backward()
            optimizer.step()
            total += loss.item()
        scheduler.step()

        val_eer, val_dcf = evaluate_trials(model, val_trials, cfg["feats_dir"], device)
        print(f"epoch {epoch:02d} loss {total / len(loader):.4f} val EER {val_eer:.4f} minDCF {val_dcf:.4f}")
        if val_eer < best_eer:
            best_eer, stale = val_eer, 0
            torch.save(model.state_dict(), cfg["ckpt"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
    test_eer, test_dcf = evaluate_trials(model, test_trials, cfg["feats_dir"], device)
    print(f"Vox1-O EER {100 * test_eer:.2f}%  minDCF(0.01) {test_dcf:.4f}")


if __name__ == "__main__":
    main(yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")))
