from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from sepsisnet.data import apply_normalizer, build_arrays, fit_normalizer, patient_level_split
from sepsisnet.model import GRUClassifier, predict_proba
from sepsisnet.utils import EarlyStopper, seed_everything


def loader(x, y, batch, shuffle):
    return DataLoader(TensorDataset(torch.from_numpy(x), torch.from_numpy(y)), batch_size=batch, shuffle=shuffle)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    tcfg = cfg["train"]
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    values, observed, labels, patients = build_arrays(pd.read_parquet(cfg["data_path"]), cfg["window_hours"])
    dev, test = patient_level_split(labels, patients, cfg["split"]["test_frac"], cfg["seed"])
    tr_rel, va_rel = patient_level_split(labels[dev], patients[dev], cfg["split"]["val_frac"], cfg["seed"])
    tr, va = dev[tr_rel], dev[va_rel]

    stats = fit_normalizer(values[tr])
    x = {k: apply_normalizer(values[i], observed[i], stats) for k, i in [("tr", tr), ("va", va), ("te", test)]}
    dl_tr = loader(x["tr"], labels[tr], tcfg["micro_batch"], shuffle=True)
    dl_va = loader(x["va"], labels[va], 512, shuffle=False)
    dl_te = loader(x["te"], labels[test], 512, shuffle=False)

    model = GRUClassifier(x["tr"].shape[-1], **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    pos_weight = torch.tensor((1 - labels[tr].mean()) / labels[tr].mean(), device=device)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    stopper = EarlyStopper(tcfg["patience"])
    Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    for epoch in range(tcfg["max_epochs"]):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (xb, yb) in enumerate(dl_tr, start=1):
            loss = loss_fn(model(xb.to(device)), yb.to(device)) / tcfg["accum_steps"]
            loss.backward()
            if step % tcfg["accum_steps"] == 0 or step == len(dl_tr):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                opt.zero_grad(set_to_none=True)
        p_va = predict_proba(model, dl_va, device)
        va_auprc = average_precision_score(labels[va], p_va)
        improved, stop = stopper.step(va_auprc)
        print(f"epoch {epoch:02d} val AUROC {roc_auc_score(labels[va], p_va):.4f} AUPRC {va_auprc:.4f}")
        if improved:
            torch.save(model.state_dict(), tcfg["checkpoint"])
        if stop:
            break

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    p_te = predict_proba(model, dl_te, device)

    last_hour = lambda a: a[:, -1, :]
    baseline = LogisticRegression(max_iter=3000).fit(last_hour(x["tr"]), labels[tr])
    p_base = baseline.predict_proba(last_hour(x["te"]))[:, 1]
    for name, p in [("logreg(last hour)", p_base), ("gru", p_te)]:
        print(f"TEST {name:18s} AUROC {roc_auc_score(labels[test], p):.4f} "
              f"AUPRC {average_precision_score(labels[test], p):.4f}")


if __name__ == "__main__":
    main()
