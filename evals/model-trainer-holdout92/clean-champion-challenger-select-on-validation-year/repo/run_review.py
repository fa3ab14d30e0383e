"""Champion/challenger review for motor frequency.

Candidates are fitted on the training years and ranked on the validation year. The test year is
scored for every candidate for the review pack, after the champion has been fixed.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml

from champion.candidates import CANDIDATES
from champion.metrics import score


def main():
    cfg = yaml.safe_load(open("challenger.yaml"))
    np.random.seed(cfg["seed"])
    df = pd.read_parquet(cfg["data"])
    df = df[df["exposure"] > 0]
    feats = cfg["numeric"] + cfg["categorical"]

    train = df[df["policy_year"].isin(cfg["train_years"])]
    valid = df[df["policy_year"] == cfg["valid_year"]]
    test = df[df["policy_year"] == cfg["test_year"]]
    y_train = train["claim_count"] / train["exposure"]

    fitted, val_scores = {}, {}
    for name, build in CANDIDATES.items():
        model = build(cfg["numeric"], cfg["categorical"], cfg["seed"])
        model.fit(train[feats], y_train, model__sample_weight=train["exposure"])
        fitted[name] = model
        val_scores[name] = score(valid, model.predict(valid[feats]))
        print(f"{name:>9s} valid: " + "  ".join(f"{k} {v:.4f}" for k, v in val_scores[name].items()))

    metric = cfg["selection_metric"]
    champion = max(val_scores, key=lambda n: val_scores[n][metric])
    print(f"champion on {cfg['valid_year']} {metric}: {champion}")

    flat_freq = train["claim_count"].sum() / train["exposure"].sum()
    pack = {"flat_rate": score(test, np.full(len(test), flat_freq))}
    pack.update({name: score(test, m.predict(test[feats])) for name, m in fitted.items()})
    table = pd.DataFrame(pack).T
    table["champion"] = table.index == champion
    print(f"test year {cfg['test_year']}:")
    print(table.round(4))

    out = Path("review_output")
    out.mkdir(exist_ok=True)
    joblib.dump(fitted[champion], out / f"champion_{champion}.joblib")
    (out / "review.json").write_text(json.dumps(
        {"champion": champion, "valid": val_scores, "test": pack}, indent=2, default=float))


if __name__ == "__main__":
    main()
