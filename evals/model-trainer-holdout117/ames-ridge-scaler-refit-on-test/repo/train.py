import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from preprocessing import engineer, feature_names, scale_features

SEED = 13

df = pd.read_csv("data/ames_train.csv")
df = engineer(df)
y = np.log1p(df["SalePrice"].values)

train_df, test_df, y_train, y_test = train_test_split(df, y, test_size=0.25, random_state=SEED)

X_train = scale_features(train_df)
X_test = scale_features(test_df)

# alpha picked by efficient LOO-CV on the training rows
ridge = RidgeCV(alphas=np.logspace(-2, 3, 40))
ridge.fit(X_train, y_train)
print(f"alpha={ridge.alpha_:.3f}")

pred = ridge.predict(X_test)
print(f"test RMSE(log) = {mean_squared_error(y_test, pred, squared=False):.4f}")
print(f"test R2        = {r2_score(y_test, pred):.3f}")

coefs = pd.Series(ridge.coef_, index=feature_names()).sort_values()
print(coefs.tail(8).round(4).to_string())
