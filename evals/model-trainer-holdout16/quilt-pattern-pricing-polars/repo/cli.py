import argparse
import json

import polars as pl
from sklearn.model_selection import train_test_split

from quiltprice.prep import clean, add_pattern_price, CAT_COLS
from quiltprice.model import fit_model, report


def main(argv=None):
    ap = argparse.ArgumentParser(prog="quiltprice")
    ap.add_argument("listings", help="parquet export from the marketplace")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", default="metrics.json")
    a = ap.parse_args(argv)

    df = clean(pl.read_parquet(a.listings))
    df = add_pattern_price(df)
    df = df.to_dummies(columns=CAT_COLS)

    feat_cols = [c for c in df.columns if c not in ("sale_price", "listing_id", "listed_at")]
    X = df.select(feat_cols).to_numpy()
    y = df["sale_price"].to_numpy()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=a.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.15, random_state=a.seed)

    model = fit_model(X_tr, y_tr, X_va, y_va, a.seed)
    metrics = report(model, X_te, y_te, y_tr)
    print(json.dumps(metrics, indent=2))
    json.dump(metrics, open(a.out, "w"), indent=2)


if __name__ == "__main__":
    main()
