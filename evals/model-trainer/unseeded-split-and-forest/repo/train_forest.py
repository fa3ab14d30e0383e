import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

events = pd.read_csv("data/app_events.csv")
# the full export is 9M rows; 500k are enough to iterate
sample_idx = np.random.choice(len(events), size=500_000, replace=False)
events = events.iloc[sample_idx]

X = events.drop(columns=["user_id", "upgraded"])
y = events["upgraded"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)

baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
forest = RandomForestClassifier(n_estimators=300, max_depth=12, min_samples_leaf=20, n_jobs=-1)
forest.fit(X_train, y_train)

for name, model in [("prior", baseline), ("forest", forest)]:
    proba = model.predict_proba(X_test)[:, 1]
    print(name, "AUC", round(roc_auc_score(y_test, proba), 4), "F1", round(f1_score(y_test, proba > 0.3), 4))
