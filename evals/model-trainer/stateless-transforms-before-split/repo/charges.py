"""Medical insurance charges regression."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 5

ins = pd.read_csv("data/insurance.csv")
ins = ins.drop(columns=["policy_id", "agent_name"])
ins["log_charges"] = np.log(ins["charges"])
ins["smoker"] = ins["smoker"].map({"yes": 1, "no": 0})
ins["bmi_band"] = pd.cut(ins["bmi"], bins=[0, 18.5, 25, 30, 35, np.inf], labels=False)
ins["age_x_smoker"] = ins["age"] * ins["smoker"]

numeric = ["age", "bmi", "children", "smoker", "age_x_smoker"]
categorical = ["region", "sex", "bmi_band"]
train, test = train_test_split(ins, test_size=0.2, random_state=SEED)

model = Pipeline([
    ("prep", ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])),
    ("ridge", RidgeCV(alphas=np.logspace(-3, 3, 25), cv=KFold(5, shuffle=True, random_state=SEED))),
])
model.fit(train[numeric + categorical], train["log_charges"])
print("chosen alpha", model.named_steps["ridge"].alpha_)

baseline = DummyRegressor(strategy="median").fit(train[numeric], train["log_charges"])
pred = np.exp(model.predict(test[numeric + categorical]))
base = np.exp(baseline.predict(test[numeric]))
print("MAE", round(mean_absolute_error(test["charges"], pred)), "baseline", round(mean_absolute_error(test["charges"], base)))
print("R2 (log scale)", round(r2_score(test["log_charges"], np.log(pred)), 4))
