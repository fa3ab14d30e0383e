import argparse
import json
import logging

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from torch.utils.data import DataLoader

from latereturns.data import NUM, LoanDataset, chronological, train_stats
from latereturns.model import LateNet
from latereturns.trainer import AccumTrainer
from latereturns.utils import seed_everything

logging.basicConfig(level=logging.INFO)


def main(cfg):
    seed_everything(cfg["seed"])
    loans = pd.read_parquet(cfg["loans"])
    train, val, test = chronological(loans, cfg["val_start"], cfg["test_start"])
    stats, vocab = train_stats(train)
    g = torch.Generator().manual_seed(cfg["seed"])
    dl = lambda f, shuffle: DataLoader(LoanDataset(f, stats, vocab), batch_size=cfg["micro_batch"],
                                       shuffle=shuffle, generator=g if shuffle else None)
    train_dl, val_dl, test_dl = dl(train, True), dl(val, False), dl(test, False)

    pos_rate = train["returned_late"].mean()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    trainer = AccumTrainer(LateNet(len(NUM), len(vocab), cfg["emb_dim"]), cfg["lr"], cfg["accum_steps"],
                           device, cfg["ckpt_dir"], pos_weight=(1 - pos_rate) / pos_rate)
    best_val_auc = trainer.fit(train_dl, val_dl, cfg["epochs"], cfg["patience"])

    y_val, p_val = trainer.predict(val_dl)
    pr, rc, th = precision_recall_curve(y_val, p_val)
    thr = float(th[np.argmax(2 * pr[:-1] * rc[:-1] / np.maximum(pr[:-1] + rc[:-1], 1e-9))])

    y_test, p_test = trainer.predict(test_dl)
    logit = LogisticRegression(max_iter=2000).fit((train[NUM] - stats["mean"]) / stats["std"], train["returned_late"])
    p_logit = logit.predict_proba((test[NUM] - stats["mean"]) / stats["std"])[:, 1]
    print(json.dumps({
        "best_val_auc": best_val_auc, "threshold": thr,
        "test_auc": roc_auc_score(y_test, p_test), "test_pr_auc": average_precision_score(y_test, p_test),
        "test_f1": f1_score(y_test, p_test >= thr),
        "logreg_test_auc": roc_auc_score(y_test, p_logit), "logreg_test_pr_auc": average_precision_score(y_test, p_logit),
    }, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/train.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
