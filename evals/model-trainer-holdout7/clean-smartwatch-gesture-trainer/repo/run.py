import argparse
import json
import logging

import numpy as np
import torch
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader

from gestures.data import ChannelStats, IMUWindows, subject_split
from gestures.engine import Engine
from gestures.model import TCN
from gestures.utils import seed_everything


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfg", default="experiment.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().cfg))
    logging.basicConfig(level=logging.INFO)
    seed_everything(cfg["seed"])

    arr = np.load(cfg["data"]["windows"])
    x, y, subj = arr["x"], arr["y"], arr["subject"]
    tr, va, te = subject_split(subj, cfg["data"]["test_subjects_frac"], cfg["data"]["val_subjects_frac"], cfg["seed"])
    stats = ChannelStats.estimate(x[tr])
    bs = cfg["train"]["batch_size"]
    g = torch.Generator().manual_seed(cfg["seed"])
    dl_tr = DataLoader(IMUWindows(x[tr], y[tr], stats), batch_size=bs, shuffle=True, generator=g)
    dl_va = DataLoader(IMUWindows(x[va], y[va], stats), batch_size=bs * 4)
    dl_te = DataLoader(IMUWindows(x[te], y[te], stats), batch_size=bs * 4)

    device = "cuda" if torch.cuda.is_available() else "cpu"
    engine = Engine(TCN(n_classes=int(y.max()) + 1), cfg["train"]["lr"], device)
    engine.fit(dl_tr, dl_va, cfg["train"]["max_epochs"], cfg["train"]["patience"], cfg["train"]["ckpt"])

    test = engine.score(dl_te)
    dummy = DummyClassifier(strategy="most_frequent").fit(x[tr].reshape(len(tr), -1), y[tr])
    d_pred = dummy.predict(x[te].reshape(len(te), -1))
    test["majority_macro_f1"] = f1_score(y[te], d_pred, average="macro")
    test["majority_bal_acc"] = balanced_accuracy_score(y[te], d_pred)
    print(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
