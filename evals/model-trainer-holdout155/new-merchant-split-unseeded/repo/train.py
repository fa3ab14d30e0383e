import json
import os
import sys

import pandas as pd
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from splits import new_merchant_split, seen_merchant_rate


def main(config_path="config.yaml"):
    with open(config_path) as fh:
        cfg = yaml.safe_load(fh)

    df = pd.read_parquet(cfg["data_path"])
    df = df.dropna(subset=[cfg["text_col"], cfg["label_col"], cfg["merchant_col"]])
    train, test = new_merchant_split(df, cfg["merchant_col"], cfg["holdout_merchant_frac"])
    print(f"train {len(train):,} rows / {train[cfg['merchant_col']].nunique():,} merchants")
    print(f"test  {len(test):,} rows / {test[cfg['merchant_col']].nunique():,} merchants "
          f"(seen rate {seen_merchant_rate(train, test, cfg['merchant_col']):.2f})")

    v = cfg["vectoriser"]
    model = Pipeline([
        ("tfidf", TfidfVectorizer(analyzer=v["analyzer"], ngram_range=tuple(v["ngram_range"]),
                                  min_df=v["min_df"], max_df=v["max_df"],
                                  lowercase=True, sublinear_tf=True)),
        ("svm", LinearSVC(C=cfg["svm"]["C"], class_weight=cfg["svm"]["class_weight"],
                          random_state=cfg["seed"])),
    ])
    model.fit(train[cfg["text_col"]], train[cfg["label_col"]])

    pred = model.predict(test[cfg["text_col"]])
    print(classification_report(test[cfg["label_col"]], pred, digits=3, zero_division=0))
    report = {
        "macro_f1_new_merchants": f1_score(test[cfg["label_col"]], pred, average="macro"),
        "n_test_merchants": int(test[cfg["merchant_col"]].nunique()),
        "seed": cfg["seed"],
    }
    os.makedirs(os.path.dirname(cfg["report_path"]), exist_ok=True)
    with open(cfg["report_path"], "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
