"""Family-plan mailer: randomised by household, outcome = account-level spend over 60 days.

Accounts in the same household share treatment and behave alike, so every split is by household.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.linear_model import Ridge

SEED = 19
NUM = ["age", "tenure_months", "spend_90d_pre", "lines_in_household", "data_gb_30d", "roaming_days_90d"]
CAT = ["plan_type", "handset_tier", "region"]


def make_pipeline(estimator):
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), CAT),
    ])
    return Pipeline([("prep", prep), ("model", estimator)])


def tuned_arm_model(frame, groups):
    search = GridSearchCV(
        make_pipeline(HistGradientBoostingRegressor(random_state=SEED)),
        param_grid={"model__max_iter": [200, 400], "model__learning_rate": [0.03, 0.08],
                    "model__min_samples_leaf": [50, 200]},
        cv=GroupKFold(n_splits=5), scoring="neg_mean_absolute_error", n_jobs=-1,
    )
    search.fit(frame[NUM + CAT], frame["spend_60d"], groups=groups)
    print("  best", search.best_params_, "cv MAE", round(-search.best_score_, 2))
    return search.best_estimator_


def uplift_by_decile(frame, score):
    f = frame.assign(score=score)
    f["decile"] = pd.qcut(f["score"].rank(method="first"), 10, labels=False)
    g = f.groupby("decile")
    return g.apply(lambda d: d.loc[d.mailed == 1, "spend_60d"].mean() - d.loc[d.mailed == 0, "spend_60d"].mean())


def top_share_gain(frame, score, share=0.3):
    top = frame.assign(score=score).nlargest(int(share * len(frame)), "score")
    return top.loc[top.mailed == 1, "spend_60d"].mean() - top.loc[top.mailed == 0, "spend_60d"].mean()


df = pd.read_parquet("data/family_plan_mailer.parquet")
gss = GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=SEED)
tr_idx, te_idx = next(gss.split(df, groups=df["household_id"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]
print(f"households train/test: {train.household_id.nunique()} / {test.household_id.nunique()}")

models = {}
for arm in (0, 1):
    part = train[train.mailed == arm]
    print(f"arm {arm}:")
    models[arm] = tuned_arm_model(part, part["household_id"])

ridge = {arm: make_pipeline(Ridge(alpha=10.0)).fit(train.loc[train.mailed == arm, NUM + CAT],
                                                     train.loc[train.mailed == arm, "spend_60d"]) for arm in (0, 1)}

X_te = test[NUM + CAT]
scores = {
    "gbm t-learner": models[1].predict(X_te) - models[0].predict(X_te),
    "ridge t-learner": ridge[1].predict(X_te) - ridge[0].predict(X_te),
    "random": np.random.default_rng(SEED).random(len(test)),
}
ate = test.loc[test.mailed == 1, "spend_60d"].mean() - test.loc[test.mailed == 0, "spend_60d"].mean()
print(f"test ATE: {ate:.2f}")
for name, s in scores.items():
    print(f"{name:>16}: gain in top 30% {top_share_gain(test, s):7.2f} | decile spearman "
          f"{pd.Series(uplift_by_decile(test, s).values).corr(pd.Series(range(10)), method='spearman'):.3f}")
