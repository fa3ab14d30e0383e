"""Write patient-disjoint train/val/test CSVs once so every experiment uses the same split."""
import os

import pandas as pd
import yaml
from sklearn.model_selection import GroupShuffleSplit


def split_by_patient(df, frac, group_col, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    keep, hold = next(gss.split(df, groups=df[group_col]))
    return df.iloc[keep], df.iloc[hold]


if __name__ == "__main__":
    cfg = yaml.safe_load(open("config.yaml"))
    d = cfg["data"]
    notes = pd.read_csv(d["notes_csv"])
    notes = notes[notes["smoking_status"].isin(cfg["labels"])]

    dev, test = split_by_patient(notes, d["test_frac"], d["group_col"], cfg["seed"])
    train, val = split_by_patient(dev, d["val_frac"] / (1 - d["test_frac"]), d["group_col"], cfg["seed"])

    os.makedirs(d["splits_dir"], exist_ok=True)
    for name, part in [("train", train), ("val", val), ("test", test)]:
        part.to_csv(os.path.join(d["splits_dir"], f"{name}.csv"), index=False)
        print(name, len(part), part[d["group_col"]].nunique(), part["smoking_status"].value_counts().to_dict())
