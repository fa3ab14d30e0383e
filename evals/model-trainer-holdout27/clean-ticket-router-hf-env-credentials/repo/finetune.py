import json
import logging

from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from router.baseline import tfidf_baseline
from router.credentials import configure_tracking, require_env
from router.data import load_tickets, three_way, to_datasets
from router.metrics import compute_metrics

logging.basicConfig(level=logging.INFO)


def main(cfg_path="config/train_args.json"):
    cfg = json.load(open(cfg_path))
    set_seed(cfg["seed"])
    configure_tracking()
    hf_token = require_env("HF_TOKEN")

    df, labels = load_tickets(cfg["data_csv"])
    train_df, val_df, test_df = three_way(df, cfg["splits"]["test"], cfg["splits"]["val"], cfg["seed"])

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"], token=hf_token)
    ds = to_datasets(tokenizer, cfg["max_length"], train=train_df, val=val_df, test=test_df)
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"],
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={l: i for i, l in enumerate(labels)},
        token=hf_token,
    )

    args = TrainingArguments(seed=cfg["seed"], **cfg["training"])
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["val"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()
    trainer.save_model(f"{cfg['training']['output_dir']}/best")

    results = {
        "transformer": trainer.evaluate(ds["test"], metric_key_prefix="test"),
        "tfidf_logreg": tfidf_baseline(train_df, test_df, cfg["seed"]),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
