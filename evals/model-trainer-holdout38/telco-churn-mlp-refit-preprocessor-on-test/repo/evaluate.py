"""Score the saved churn MLP on the held-out test rows written by train.py."""
import json
from pathlib import Path

import pandas as pd
import torch
from sklearn.metrics import (average_precision_score, classification_report, f1_score,
                             roc_auc_score)

from src.churn.net import ChurnNet, predict_proba
from src.churn.preprocess import TARGET, Preprocessor

ART = Path("artifacts")


def main():
    meta = json.load(open(ART / "meta.json"))
    test = pd.read_parquet(ART / "test.parquet")

    prep = Preprocessor()
    x_te = prep.fit_transform(test)
    y_te = test[TARGET].to_numpy()

    model = ChurnNet(meta["d_in"])
    model.load_state_dict(torch.load(ART / "churn_mlp.pt"))
    proba = predict_proba(model, x_te)
    pred = (proba >= meta["threshold"]).astype(int)

    print(f"test ROC-AUC {roc_auc_score(y_te, proba):.4f}")
    print(f"test PR-AUC  {average_precision_score(y_te, proba):.4f}")
    print(f"test F1 @ {meta['threshold']:.3f}: {f1_score(y_te, pred):.4f}")
    print(classification_report(y_te, pred, digits=3))


if __name__ == "__main__":
    main()
