"""Linear evaluation of the frozen SimCLR encoder vs. a randomly initialised encoder."""
import json

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader
from torchvision.models import resnet18

from sslhisto.data import load_split, plain


@torch.no_grad()
def embed(encoder, dataset, device):
    encoder.eval()
    feats, labels = [], []
    for x, y in DataLoader(dataset, batch_size=512, num_workers=8):
        feats.append(encoder(x.to(device)).cpu())
        labels.append(y)
    return torch.cat(feats).numpy(), torch.cat(labels).numpy()


def make_encoder(ckpt=None):
    enc = resnet18(weights=None)
    enc.fc = torch.nn.Identity()
    if ckpt:
        enc.load_state_dict(torch.load(ckpt, map_location="cpu"))
    return enc


def probe(encoder, cfg, device):
    splits = {s: load_split(cfg["data_root"], cfg["splits_file"], s, plain) for s in ("train", "val", "test")}
    feats = {s: embed(encoder.to(device), ds, device) for s, ds in splits.items()}
    for split in feats:
        feats[split] = (StandardScaler().fit_transform(feats[split][0]), feats[split][1])

    (z_tr, y_tr), (z_va, y_va), (z_te, y_te) = feats["train"], feats["val"], feats["test"]
    best_C, best_bacc = None, -1.0
    for C in cfg["probe"]["C_grid"]:
        clf = LogisticRegression(C=C, max_iter=5000).fit(z_tr, y_tr)
        bacc = balanced_accuracy_score(y_va, clf.predict(z_va))
        if bacc > best_bacc:
            best_C, best_bacc = C, bacc
    clf = LogisticRegression(C=best_C, max_iter=5000).fit(z_tr, y_tr)
    pred = clf.predict(z_te)
    return {
        "C": best_C,
        "acc": accuracy_score(y_te, pred),
        "balanced_acc": balanced_accuracy_score(y_te, pred),
        "macro_f1": f1_score(y_te, pred, average="macro"),
    }


if __name__ == "__main__":
    cfg = yaml.safe_load(open("config.yaml"))
    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    results = {
        "simclr": probe(make_encoder("checkpoints/simclr_encoder.pt"), cfg, device),
        "random_init": probe(make_encoder(), cfg, device),
    }
    print(json.dumps(results, indent=2))
