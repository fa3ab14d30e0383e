"""Spring reading scale score for students in partner schools.

Students are nested in schools and school context matters a lot (ICC ~ 0.2), so the model gets a
smoothed school-mean encoding of the outcome. Scores are needed for new students joining the
same schools, so the split is within schools.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, train_test_split

SEED = 20
TARGET = "read_ss_spring"
SMOOTH = 30  # pseudo-students pulling small schools to the grand mean
FEATURES = ["read_ss_fall", "math_ss_fall", "oral_fluency_wcpm", "attendance_rate",
            "frl", "ell", "iep", "grade", "school_size", "school_te"]


def school_encoding(fit_df, apply_df):
    grand = fit_df[TARGET].mean()
    stats = fit_df.groupby("school_id")[TARGET].agg(["sum", "count"])
    enc = (stats["sum"] + SMOOTH * grand) / (stats["count"] + SMOOTH)
    return apply_df["school_id"].map(enc).fillna(grand).to_numpy()


def out_of_fold_encoding(train, n_splits=5):
    te = np.zeros(len(train))
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    for fit_idx, enc_idx in kf.split(train):
        te[enc_idx] = school_encoding(train.iloc[fit_idx], train.iloc[enc_idx])
    return te


df = pd.read_csv("data/reading_fall_spring_2023.csv")
df = df.dropna(subset=[TARGET, "read_ss_fall"])
df["school_size"] = df.groupby("school_id")["student_id"].transform("count")
print(f"{len(df)} students / {df.school_id.nunique()} schools")

train, test = train_test_split(df, test_size=0.2, stratify=df["school_id"], random_state=SEED)
train, test = train.copy(), test.copy()

train["school_te"] = out_of_fold_encoding(train)
test["school_te"] = school_encoding(train, test)

model = HistGradientBoostingRegressor(
    max_iter=600, learning_rate=0.04, max_leaf_nodes=31, min_samples_leaf=40,
    l2_regularization=1.0, early_stopping=True, validation_fraction=0.1, random_state=SEED,
)
model.fit(train[FEATURES], train[TARGET])

pred = model.predict(test[FEATURES])
fall_only = test["read_ss_fall"] + (train[TARGET] - train["read_ss_fall"]).mean()
print(f"test MAE {mean_absolute_error(test[TARGET], pred):.1f} (fall score + mean growth: "
      f"{mean_absolute_error(test[TARGET], fall_only):.1f})")
print(f"test R2  {r2_score(test[TARGET], pred):.3f}")

by_school = (test.assign(err=np.abs(test[TARGET] - pred))
                 .groupby("school_id")["err"].mean().sort_values(ascending=False))
print(by_school.head(10).round(1).to_string())
