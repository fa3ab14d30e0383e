TARGET = "converted"
ID_COL = "lead_id"
CATEGORICAL = ["lead_source", "industry", "company_size", "country", "first_touch_channel", "job_level"]
NUMERICAL = ["pages_viewed", "sessions_30d", "email_opens_30d", "webinar_attended", "days_since_signup"]
CROSSES = [("industry", "company_size"), ("lead_source", "country")]
