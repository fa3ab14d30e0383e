"""Feature pipeline shared by training and the offline scorer."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

NUMERIC = [
    "price_usd", "price_diff_vs_query_median", "star_rating", "review_score",
    "review_count", "distance_to_dest_km", "location_score", "hist_booking_rate",
    "promotion_flag", "length_of_stay", "days_to_checkin",
]
CATEGORICAL = ["site_id", "device", "property_type", "dest_country"]


def make_pipeline():
    return ColumnTransformer(
        [
            ("num", SimpleImputer(strategy="median", add_indicator=True), NUMERIC),
            ("cat", Pipeline([
                ("fill", SimpleImputer(strategy="constant", fill_value="missing")),
                ("ohe", OneHotEncoder(min_frequency=50, handle_unknown="infrequent_if_exist", sparse_output=False)),
            ]), CATEGORICAL),
        ],
        verbose_feature_names_out=False,
    )


def fit_feature_pipeline(frames):
    """Fit the column transformer on the given frames (stacked)."""
    stacked = pd.concat(frames, ignore_index=True)
    pipe = make_pipeline()
    pipe.fit(stacked[NUMERIC + CATEGORICAL])
    return pipe


def transform(pipe, df):
    return pd.DataFrame(pipe.transform(df[NUMERIC + CATEGORICAL]), columns=pipe.get_feature_names_out())
