import numpy as np


def sample_negatives(pos_users, n_jobs, neg_per_pos, job_popularity=None):
    """Uniform (or popularity-smoothed) negative jobs for each positive application."""
    n = len(pos_users) * neg_per_pos
    if job_popularity is None:
        neg_jobs = np.random.randint(0, n_jobs, size=n)
    else:
        p = job_popularity ** 0.75
        neg_jobs = np.random.choice(n_jobs, size=n, p=p / p.sum())
    return np.repeat(pos_users, neg_per_pos), neg_jobs


def build_pointwise(pos_users, pos_jobs, n_jobs, neg_per_pos, job_popularity=None):
    neg_users, neg_jobs = sample_negatives(pos_users, n_jobs, neg_per_pos, job_popularity)
    users = np.concatenate([pos_users, neg_users])
    jobs = np.concatenate([pos_jobs, neg_jobs])
    labels = np.concatenate([np.ones(len(pos_users)), np.zeros(len(neg_users))]).astype(np.float32)
    return users, jobs, labels
