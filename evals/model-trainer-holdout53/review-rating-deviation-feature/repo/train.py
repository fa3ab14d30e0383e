"""Train the marketplace review sentiment model (text + review metadata)."""
import yaml
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from reviewsense.features import add_meta_features, make_label


def build_pipeline(cfg):
    fcfg = cfg["features"]
    pre = ColumnTransformer([
        ("text", TfidfVectorizer(min_df=5, max_features=50000, ngram_range=(1, 2), sublinear_tf=True), fcfg["text"]),
        ("num", "passthrough", fcfg["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), fcfg["categorical"]),
    ])
    model = LGBMClassifier(**cfg["lgbm"], random_state=cfg["split"]["seed"], verbose=-1)
    return Pipeline([("pre", pre), ("model", model)])


def main():
    with open("config.yaml") as fh:
        cfg = yaml.safe_load(fh)

    reviews = pd.read_parquet(cfg["data"]["reviews"])
    products = pd.read_parquet(cfg["data"]["products"])
    df = add_meta_features(reviews, products)
    y = make_label(df, cfg["label"]["source"], cfg["label"]["positive_min"])

    fcfg = cfg["features"]
    cols = [fcfg["text"]] + fcfg["numeric"] + fcfg["categorical"]
    X_train, X_test, y_train, y_test = train_test_split(
        df[cols], y, test_size=cfg["split"]["test_size"], stratify=y, random_state=cfg["split"]["seed"])

    pipe = build_pipeline(cfg)
    pipe.fit(X_train, y_train)
    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)

    proba = pipe.predict_proba(X_test)[:, 1]
    print("model  ROC-AUC %.4f  PR-AUC %.4f  F1 %.4f" % (
        roc_auc_score(y_test, proba), average_precision_score(y_test, proba),
        f1_score(y_test, (proba >= 0.5).astype(int))))
    print("prior  PR-AUC %.4f" % average_precision_score(y_test, dummy.predict_proba(X_test)[:, 1]))

    importances = pd.Series(pipe.named_steps["model"].feature_importances_,
                            index=pipe.named_steps["pre"].get_feature_names_out())
    print(importances.sort_values(ascending=False).head(20))


if __name__ == "__main__":
    main()
