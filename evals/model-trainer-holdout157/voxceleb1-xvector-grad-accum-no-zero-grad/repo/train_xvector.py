"""Closed-set speaker identification on VoxCeleb1 (1,251 speakers) with a small x-vector TDNN.

Uses the official iden_split.txt (1 = train, 2 = val, 3 = test): every speaker appears in all
three partitions, different videos/utterances per partition.
"""
import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import torchaudio
from torch.utils.data import DataLoader, Dataset


class VoxIden(Dataset):
    def __init__(self, root, split_file, part, spk2idx, n_frames=200):
        with open(split_file) as f:
            items = [l.split() for l in f if l.strip()]
        self.items = [(os.path.join(root, p), spk2idx[p.split("/")[0]]) for s, p in items if int(s) == part]
        self.n_frames, self.train = n_frames, part == 1

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, spk = self.items[i]
        wav, sr = torchaudio.load(path)
        feats = torchaudio.compliance.kaldi.fbank(wav * 32768, num_mel_bins=40, sample_frequency=sr)
        feats = feats - feats.mean(0, keepdim=True)  # per-utterance CMN
        if self.train:
            if feats.size(0) > self.n_frames:
                s = torch.randint(0, feats.size(0) - self.n_frames, (1,)).item()
                feats = feats[s:s + self.n_frames]
            else:
                feats = nn.functional.pad(feats, (0, 0, 0, self.n_frames - feats.size(0)))
        return feats.T, spk


class XVector(nn.Module):
    def __init__(self, n_spk, feat_dim=40, emb_dim=512):
        super().__init__()
        def tdnn(i, o, k, d):
            return nn.Sequential(nn.Conv1d(i, o, k, dilation=d), nn.ReLU(), nn.BatchNorm1d(o))
        self.frame = nn.Sequential(tdnn(feat_dim, 512, 5, 1), tdnn(512, 512, 3, 2),
                                   tdnn(512, 512, 3, 3), tdnn(512, 512, 1, 1), tdnn(512, 1500, 1, 1))
        self.segment = nn.Sequential(nn.Linear(3000, emb_dim), nn.ReLU(), nn.BatchNorm1d(emb_dim))
        self.classifier = nn.Linear(emb_dim, n_spk)

    def forward(self, x):
        h = self.frame(x)
        stats = torch.cat([h.mean(-1), h.std(-1)], dim=1)
        return self.classifier(self.segment(stats))


@torch.no_grad()
def accuracy(model, loader, device):
    model.eval()
    correct = total = 0
    for x, y in loader:  # full-length utterances, batch_size=1
        pred = model(x.to(device)).argmax(1).cpu()
        correct += (pred == y).sum().item()
        total += y.numel()
    return correct / total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/datasets/voxceleb1/wav")
    ap.add_argument("--split", default="/datasets/voxceleb1/iden_split.txt")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--seed", type=int, default=3407)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = torch.device("cuda")

    spk = sorted({l.split()[1].split("/")[0] for l in open(args.split) if l.strip()})
    spk2idx = {s: i for i, s in enumerate(spk)}
    train_dl = DataLoader(VoxIden(args.root, args.split, 1, spk2idx), batch_size=64, shuffle=True,
                          num_workers=8, drop_last=True)
    val_dl = DataLoader(VoxIden(args.root, args.split, 2, spk2idx), batch_size=1, num_workers=4)
    test_dl = DataLoader(VoxIden(args.root, args.split, 3, spk2idx), batch_size=1, num_workers=4)

    model = XVector(len(spk)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=2e-5)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.5)
    ce = nn.CrossEntropyLoss()

    best = 0.0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        for step, (x, y) in enumerate(train_dl):
            loss = ce(model(x.to(device)), y.to(device)) / args.accum
            loss.backward()
            if (step + 1) % args.accum == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                opt.step()
        sched.step()
        val_acc = accuracy(model, val_dl, device)
        print(f"epoch {epoch} val top-1 {val_acc:.4f}")
        if val_acc > best:
            best = val_acc
            torch.save(model.state_dict(), "xvector_best.pt")

    model.load_state_dict(torch.load("xvector_best.pt"))
    print(f"test top-1 {accuracy(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main()
