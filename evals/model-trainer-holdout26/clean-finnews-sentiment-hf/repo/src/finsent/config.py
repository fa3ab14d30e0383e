CONFIG = {
    "model_name": "ProsusAI/finbert",
    "data_files": {
        "train": "data/headlines_train.jsonl",
        "validation": "data/headlines_validation.jsonl",
        "test": "data/headlines_test.jsonl",
    },
    "labels": ["negative", "neutral", "positive"],
    "max_length": 96,
    "lr": 2e-5,
    "epochs": 8,
    "batch_size": 32,
    "weight_decay": 0.01,
    "patience": 2,
    "seed": 1337,
    "output_dir": "outputs/finsent",
    "hub_repo": "acme-research/finsent-headlines",
}
