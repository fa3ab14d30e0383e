import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from preprocessing import BURNOUT_CUTOFF, BURNOUT_ITEM, build_preprocessor, feature_frame

SEED = 7

df = pd.read_csv("data/pulse_2023q4.csv")
df = df.dropna(subset=[BURNOUT_ITEM])
df["burnout_risk"] = (df[BURNOUT_ITEM] >= BURNOUT_CUTOFF).astype(int)
print(df["burnout_risk"].value_counts(normalize=True))

train_df, test_df = train_test_split(
    df, test_size=0.2, stratify=df["burnout_risk"], random_state=SEED
)
test_df.to_parquet("data/pulse_2023q4_test.parquet")

prep = build_preprocessor()
X_train = prep.fit_transform(feature_frame(train_df))
y_train = train_df["burnout_risk"].values

clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000, random_state=SEED)
clf.fit(X_train, y_train)

joblib.dump(prep, "artifacts/preprocessor.joblib")
joblib.dump(clf, "artifacts/burnout_logreg.joblib")
print("saved artifacts")
