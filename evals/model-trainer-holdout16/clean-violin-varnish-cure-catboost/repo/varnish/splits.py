from sklearn.model_selection import train_test_split


def three_way(df, target, test_size, es_size, seed):
    dev, test = train_test_split(df, test_size=test_size, stratify=df[target], random_state=seed)
    fit, holdout_es = train_test_split(dev, test_size=es_size, stratify=dev[target], random_state=seed)
    return fit, holdout_es, test
