import numpy as np
from datasets import load_from_disk
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from config import TrainConfig


def main(cfg: TrainConfig = TrainConfig()):
    set_seed(cfg.seed)
    ds = load_from_disk(cfg.dataset)  # splits: train / validation / test
    labels = ds["train"].features["label"].names
    tok = AutoTokenizer.from_pretrained(cfg.model_name)
    ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=128), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(cfg.model_name, num_labels=len(labels))

    def metrics(pred):
        y_pred = np.argmax(pred.predictions, axis=-1)
        return {"accuracy": accuracy_score(pred.label_ids, y_pred),
                "macro_f1": f1_score(pred.label_ids, y_pred, average="macro")}

    args = TrainingArguments(
        output_dir=cfg.output_dir, num_train_epochs=cfg.epochs, learning_rate=cfg.lr,
        per_device_train_batch_size=cfg.batch_size, eval_strategy="epoch", save_strategy="epoch",
        load_best_model_at_end=True, metric_for_best_model="macro_f1", seed=cfg.seed,
        push_to_hub=True, hub_model_id=cfg.hub_model_id, hub_token=cfg.hub_token,
    )
    trainer = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds["validation"],
                      data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
    trainer.train()
    print(trainer.evaluate(ds["test"], metric_key_prefix="test"))
    trainer.push_to_hub()


if __name__ == "__main__":
    main()
