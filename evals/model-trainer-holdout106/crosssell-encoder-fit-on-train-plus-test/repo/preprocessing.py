from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["industry_naics2", "country", "crm_segment", "current_plan", "billing_frequency"]
NUMERIC = [
    "employees", "annual_revenue_musd", "seats", "arr", "tenure_months", "active_users_share",
    "api_calls_90d", "dashboards_created_90d", "exports_90d", "support_tickets_90d",
    "csm_meetings_180d", "marketing_email_clicks_90d", "webinar_attendance_180d",
]


def build_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
        ("onehot", OneHotEncoder(min_frequency=20, handle_unknown="infrequent_if_exist")),
    ])
    return ColumnTransformer([("num", numeric, NUMERIC), ("cat", categorical, CATEGORICAL)])
