import json

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

from data_prep import CAT_COLS, NUM_COLS, prepare

P = json.load(open("params.json"))

df = prepare(pd.read_csv("data/nrd_enriched_labeled.csv"))
df = df.drop_duplicates("domain")
features = CAT_COLS + NUM_COLS
print(df.shape, df["is_phishing"].mean())

trainval, test = train_test_split(df, test_size=P["test_size"], stratify=df["is_phishing"], random_state=P["seed"])
train, val = train_test_split(
    trainval, test_size=P["val_size"], stratify=trainval["is_phishing"], random_state=P["seed"]
)

train_pool = Pool(train[features], train["is_phishing"], cat_features=CAT_COLS)
val_pool = Pool(val[features], val["is_phishing"], cat_features=CAT_COLS)
test_pool = Pool(test[features], cat_features=CAT_COLS)

model = CatBoostClassifier(**P["catboost"], random_seed=P["seed"], verbose=250)
model.fit(train_pool, eval_set=val_pool, use_best_model=True)
print("best iteration:", model.get_best_iteration())

p = model.predict_proba(test_pool)[:, 1]
y = test["is_phishing"].values
print(f"test PR-AUC {average_precision_score(y, p):.4f}  ROC-AUC {roc_auc_score(y, p):.4f}")
print(classification_report(y, (p >= 0.5).astype(int), target_names=["benign", "phishing"], digits=4))

fi = model.get_feature_importance(train_pool, prettified=True)
print(fi.head(15).to_string(index=False))
model.save_model("models/nrd_catboost.cbm")
