import json
import random

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import train_test_split

from routing.prototypes import class_centroids, prototype_similarities, text_stats

cfg = yaml.safe_load(open("params.yaml"))
SEED = cfg["seed"]
random.seed(SEED)
np.random.seed(SEED)

df = pd.read_csv(cfg["data"]).dropna(subset=["text", "category"]).reset_index(drop=True)
y = df["category"].values
print(df["category"].value_counts().to_string())

encoder = SentenceTransformer(cfg["encoder"])
emb = encoder.encode(df["text"].tolist(), batch_size=128, normalize_embeddings=True, show_progress_bar=True)

classes, centroids = class_centroids(emb, y)
proto = prototype_similarities(emb, centroids)
X = np.hstack([emb, proto, text_stats(df["text"])])
print("feature matrix:", X.shape)

idx = np.arange(len(df))
idx_trval, idx_test = train_test_split(idx, test_size=cfg["test_size"], stratify=y, random_state=SEED)
idx_train, idx_val = train_test_split(idx_trval, test_size=0.15, stratify=y[idx_trval], random_state=SEED)

ref = LogisticRegression(max_iter=3000, random_state=SEED).fit(emb[idx_train], y[idx_train])
ref_pred = ref.predict(emb[idx_test])

cb_cfg = cfg["catboost"]
model = CatBoostClassifier(
    loss_function="MultiClass",
    iterations=cb_cfg["iterations"],
    learning_rate=cb_cfg["learning_rate"],
    depth=cb_cfg["depth"],
    l2_leaf_reg=cb_cfg["l2_leaf_reg"],
    random_seed=SEED,
    verbose=200,
)
model.fit(X[idx_train], y[idx_train], eval_set=(X[idx_val], y[idx_val]),
          early_stopping_rounds=cb_cfg["early_stopping_rounds"], use_best_model=True)
pred = model.predict(X[idx_test]).ravel()

results = {
    "logreg_macro_f1": f1_score(y[idx_test], ref_pred, average="macro"),
    "logreg_bal_acc": balanced_accuracy_score(y[idx_test], ref_pred),
    "catboost_macro_f1": f1_score(y[idx_test], pred, average="macro"),
    "catboost_bal_acc": balanced_accuracy_score(y[idx_test], pred),
}
print(json.dumps(results, indent=2))
model.save_model("models/router_catboost.cbm")
np.save("models/prototypes.npy", centroids)
