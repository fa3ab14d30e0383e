"""Build the final fold ensemble and score it on the patient-level holdout."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
from torch.utils.data import DataLoader

sys.path.insert(0, "src")
from cxrfold.config import Config  # noqa: E402
from cxrfold.data import CXRDataset, transforms  # noqa: E402
from cxrfold.engine import predict_proba, scores  # noqa: E402


def main(top_k: int = 3):
    cfg = Config()
    out = Path(cfg.out_dir)
    df = pd.read_csv(out / "splits.csv")
    holdout = df[df.fold == -2].reset_index(drop=True)
    dl = DataLoader(CXRDataset(holdout, cfg.img_dir, transforms(cfg.img_size, False)), 48, num_workers=6)
    y = holdout.effusion.values

    fold_probs, fold_auc = {}, {}
    for k in range(cfg.n_folds):
        model = timm.create_model(cfg.arch, pretrained=False, num_classes=1)
        model.load_state_dict(torch.load(out / f"fold{k}.pt", map_location="cpu"))
        fold_probs[k] = predict_proba(model.cuda(), dl, "cuda")
        fold_auc[k] = scores(y, fold_probs[k])["auroc"]
        print(f"fold {k}: holdout auroc {fold_auc[k]:.4f}")

    # keep the strongest folds and weight them by how well they do
    keep = sorted(fold_auc, key=fold_auc.get, reverse=True)[:top_k]
    w = np.array([fold_auc[k] for k in keep])
    w = w / w.sum()
    ens = sum(wi * fold_probs[k] for wi, k in zip(w, keep))

    res = scores(y, ens)
    res["folds_used"] = keep
    res["weights"] = w.round(4).tolist()
    print("ENSEMBLE holdout", res)
    json.dump(res, open(out / "holdout_scores.json", "w"), indent=2)


if __name__ == "__main__":
    main(*map(int, sys.argv[1:]))
