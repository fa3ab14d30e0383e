"""Tree species classification from NEON crown spectra + canopy height."""
import json
import random

import numpy as np
import pandas as pd
import torch
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader

from treespecies.data import CrownDataset, band_mask
from treespecies.engine import evaluate, train_one_epoch
from treespecies.model import SpectralCNN


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def split_by_plot(df, seed):
    """Hold out whole field plots: 1 fold of 5 for test, 1 of the remaining 4 for validation."""
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    trval_idx, test_idx = next(sgkf.split(df, df["species_idx"], groups=df["plot_id"]))
    trval = df.iloc[trval_idx]
    sgkf_inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=seed)
    tr_idx, va_idx = next(sgkf_inner.split(trval, trval["species_idx"], groups=trval["plot_id"]))
    return trval.iloc[tr_idx], trval.iloc[va_idx], df.iloc[test_idx]


def main():
    cfg = json.load(open("config.json"))
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_parquet(cfg["crowns"])
    counts = df["taxon_id"].value_counts()
    df = df[df["taxon_id"].isin(counts[counts >= cfg["min_crowns_per_species"]].index)].copy()
    species = sorted(df["taxon_id"].unique())
    df["species_idx"] = df["taxon_id"].map({s: i for i, s in enumerate(species)})

    wavelengths = json.load(open(cfg["wavelengths"]))
    band_cols = [f"b{i:03d}" for i, ok in enumerate(band_mask(wavelengths)) if ok]
    train_df, val_df, test_df = split_by_plot(df, cfg["seed"])
    print(f"{len(species)} species | train {len(train_df)} val {len(val_df)} test {len(test_df)}")

    loaders = {
        name: DataLoader(CrownDataset(part, band_cols), batch_size=cfg["batch_size"], shuffle=(name == "train"))
        for name, part in [("train", train_df), ("val", val_df), ("test", test_df)]
    }
    model = SpectralCNN(n_bands=len(band_cols), n_classes=len(species)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    class_w = torch.tensor(len(train_df) / (len(species) * np.bincount(train_df["species_idx"], minlength=len(species)).clip(1)),
                           dtype=torch.float32, device=device)
    criterion = torch.nn.CrossEntropyLoss(weight=class_w)

    best_f1, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, criterion, device)
        val = evaluate(model, loaders["val"], criterion, device)
        print(f"{epoch:03d} train {train_loss:.4f} val {val['loss']:.4f} macroF1 {val['macro_f1']:.3f}")
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test = evaluate(model, loaders["test"], criterion, device)

    rf = RandomForestClassifier(n_estimators=500, class_weight="balanced", n_jobs=-1, random_state=cfg["seed"])
    rf.fit(train_df[band_cols], train_df["species_idx"])
    rf_pred = rf.predict(test_df[band_cols])
    baseline = {"balanced_acc": balanced_accuracy_score(test_df["species_idx"], rf_pred),
                "macro_f1": f1_score(test_df["species_idx"], rf_pred, average="macro")}
    print("SpectralCNN test:", {k: round(v, 4) for k, v in test.items()})
    print("RandomForest test:", {k: round(v, 4) for k, v in baseline.items()})


if __name__ == "__main__":
    main()
