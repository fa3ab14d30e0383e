"""Medical specialty classifier for transcription notes: TF-IDF -> MLP, with a linear baseline."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.utils.class_weight import compute_class_weight
from torch.utils.data import DataLoader

from specialty.data import SparseRowDataset, make_vectorizer
from specialty.engine import evaluate, train_epoch
from specialty.model import TfidfMLP
from specialty.utils import seed_everything


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    notes = pd.read_csv(cfg["data_path"]).dropna(subset=["transcription", "medical_specialty"])
    notes = notes.drop_duplicates("transcription")
    keep = notes["medical_specialty"].value_counts().loc[lambda s: s >= cfg["min_class_size"]].index
    notes = notes[notes["medical_specialty"].isin(keep)].reset_index(drop=True)
    classes = sorted(keep)
    y = notes["medical_specialty"].map({c: i for i, c in enumerate(classes)}).to_numpy()

    tr_idx, te_idx = train_test_split(np.arange(len(notes)), test_size=0.2, stratify=y,
                                      random_state=cfg["seed"])
    tr_idx, va_idx = train_test_split(tr_idx, test_size=0.15, stratify=y[tr_idx],
                                      random_state=cfg["seed"])

    vectorizer = make_vectorizer(cfg["tfidf"])
    X_tr = vectorizer.fit_transform(notes.loc[tr_idx, "transcription"])
    X_va = vectorizer.transform(notes.loc[va_idx, "transcription"])
    X_te = vectorizer.transform(notes.loc[te_idx, "transcription"])

    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(SparseRowDataset(X_tr, y[tr_idx]), batch_size=cfg["batch_size"],
                          shuffle=True, generator=g)
    val_dl = DataLoader(SparseRowDataset(X_va, y[va_idx]), batch_size=256)
    test_dl = DataLoader(SparseRowDataset(X_te, y[te_idx]), batch_size=256)

    weights = compute_class_weight("balanced", classes=np.arange(len(classes)), y=y[tr_idx])
    weights = torch.tensor(weights, dtype=torch.float32, device=device)
    model = TfidfMLP(X_tr.shape[1], len(classes), cfg["hidden"], cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best, patience_left = float("inf"), cfg["patience"]
    for epoch in range(cfg["max_epochs"]):
        tr_loss = train_epoch(model, train_dl, optimizer, device, weights)
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} train {tr_loss:.4f} val {val['loss']:.4f} f1 {val['macro_f1']:.4f}")
        if val["loss"] < best - 1e-4:
            best, patience_left = val["loss"], cfg["patience"]
            torch.save({"model": model.state_dict(), "epoch": epoch}, out / "best.pt")
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device)["model"])
    test = evaluate(model, test_dl, device)

    linear = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced").fit(X_tr, y[tr_idx])
    lin_pred = linear.predict(X_te)
    test["logreg_macro_f1"] = f1_score(y[te_idx], lin_pred, average="macro")
    test["logreg_accuracy"] = accuracy_score(y[te_idx], lin_pred)
    print(json.dumps(test, indent=2))
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/mlp.yaml")
    main(yaml.safe_load(Path(parser.parse_args().config).read_text()))
