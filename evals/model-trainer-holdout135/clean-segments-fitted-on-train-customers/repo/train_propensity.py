import joblib
import pandas as pd
import yaml
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from segmentation import add_segment, build_segmenter, segment_dummies

cfg = yaml.safe_load(open("settings.yaml"))
seed = cfg["seed"]
cols = cfg["segmentation"]["cols"]
k = cfg["segmentation"]["n_clusters"]

cust = pd.read_parquet(cfg["paths"]["customers"]).set_index("customer_id")
labels = pd.read_parquet(cfg["paths"]["labels"]).set_index("customer_id")["serial_returner"]
data = cust.join(labels, how="inner")
data = data[data["frequency"] >= 2]

train, test = train_test_split(data, test_size=cfg["test_size"], stratify=data["serial_returner"],
                               random_state=seed)

# segments are learned on training customers only; test customers are assigned to the nearest centroid
segmenter = build_segmenter(cfg, seed).fit(train[cols].values)
train = add_segment(train, segmenter, cols)
test = add_segment(test, segmenter, cols)
print(train.groupby("segment")[cols].median().round(2))


def design(df):
    return pd.concat([df[cols], segment_dummies(df, k)], axis=1)


X_train, X_test = design(train), design(test)
y_train, y_test = train["serial_returner"].astype(int), test["serial_returner"].astype(int)

gbm = GradientBoostingClassifier(**cfg["model"], random_state=seed).fit(X_train, y_train)
p = gbm.predict_proba(X_test)[:, 1]
print(f"test ROC AUC {roc_auc_score(y_test, p):.3f}  PR AUC {average_precision_score(y_test, p):.3f}  "
      f"base rate {y_test.mean():.3f}")

joblib.dump({"segmenter": segmenter, "model": gbm, "columns": list(X_train.columns)}, "artifacts/returner_v2.joblib")
