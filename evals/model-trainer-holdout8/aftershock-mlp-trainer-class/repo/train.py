import logging
import random

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from quakenet.data import FEATURES, make_loaders
from quakenet.model import AftershockMLP
from quakenet.trainer import Trainer

logging.basicConfig(level=logging.INFO)


def seed_all(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_all(cfg["seed"])
    train_loader, test_loader, _ = make_loaders(cfg)

    # magnitude/productivity-only logistic baseline
    Xtr, ytr = train_loader.dataset.X.numpy(), train_loader.dataset.y.numpy()
    Xte, yte = test_loader.dataset.X.numpy(), test_loader.dataset.y.numpy()
    base_cols = [FEATURES.index("mainshock_mw"), FEATURES.index("n_after_24h")]
    base = LogisticRegression(max_iter=1000).fit(Xtr[:, base_cols], ytr)
    pb = base.predict_proba(Xte[:, base_cols])[:, 1]
    logging.info("baseline auc %.4f ap %.4f", roc_auc_score(yte, pb), average_precision_score(yte, pb))

    model = AftershockMLP(len(FEATURES), tuple(cfg["hidden"]), cfg["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    trainer = Trainer(model, opt, train_loader, monitor_loader=test_loader,
                      ckpt_path=cfg["ckpt"], patience=cfg["patience"])
    trainer.fit(cfg["epochs"])
    logging.info("test metrics: %s", trainer.evaluate(test_loader))


if __name__ == "__main__":
    main()
