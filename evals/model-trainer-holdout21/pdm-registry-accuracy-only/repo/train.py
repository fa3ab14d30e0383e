"""python train.py --data data/telemetry_daily.parquet --models logreg rf xgb lgbm"""
import argparse
import json
import logging
from pathlib import Path

import joblib

from pdm import registry
from pdm.data import grouped_split, load, xy
from pdm.evaluation import Evaluator

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
log = logging.getLogger("train")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/telemetry_daily.parquet")
    ap.add_argument("--models", nargs="+", default=registry.available())
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    df = load(args.data)
    dev, test = grouped_split(df, test_size=0.2, seed=args.seed)
    train, val = grouped_split(dev, test_size=0.2, seed=args.seed)
    X_tr, y_tr = xy(train)
    X_val, y_val = xy(val)
    X_te, y_te = xy(test)
    pos_weight = float((y_tr == 0).sum() / max(1, (y_tr == 1).sum()))

    on_val = Evaluator(X_val, y_val, "val")
    fitted, val_rows = {}, []
    for name in args.models:
        model = registry.build(name, seed=args.seed, pos_weight=pos_weight).fit(X_tr, y_tr)
        fitted[name] = model
        val_rows.append(on_val(name, model))

    best = max(val_rows, key=lambda r: r["accuracy"])["model"]
    test_row = Evaluator(X_te, y_te, "test")(best, fitted[best])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(fitted[best], out / f"{best}.joblib")
    (out / "results.json").write_text(json.dumps({"val": val_rows, "test": test_row}, indent=2))


if __name__ == "__main__":
    main()
