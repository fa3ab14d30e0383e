"""Fine-tune LayoutLMv3 for key-field extraction (token classification) on scanned invoices."""
import argparse
import json

from transformers import (
    AutoModelForTokenClassification,
    AutoProcessor,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)
from transformers.data.data_collator import default_data_collator

from invoice_ner.dataset import load_invoice_dataset
from invoice_ner.metrics import build_compute_metrics, entity_report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/layoutlmv3_invoices.json")
    cfg = json.load(open(ap.parse_args().config))
    set_seed(cfg["seed"])

    labels = cfg["labels"]
    ds = load_invoice_dataset(cfg["data_dir"], labels)
    processor = AutoProcessor.from_pretrained(cfg["model_name"], apply_ocr=False)

    def encode(batch):
        enc = processor(
            [img.convert("RGB") for img in batch["image"]],
            batch["words"],
            boxes=batch["bboxes"],
            word_labels=batch["ner_tags"],
            truncation=True,
            padding="max_length",
            max_length=cfg["max_length"],
        )
        return enc

    encoded = ds.map(encode, batched=True, remove_columns=ds["train"].column_names)
    encoded.set_format("torch")

    model = AutoModelForTokenClassification.from_pretrained(
        cfg["model_name"],
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={l: i for i, l in enumerate(labels)},
    )

    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=cfg["learning_rate"],
        num_train_epochs=cfg["num_train_epochs"],
        per_device_train_batch_size=cfg["per_device_train_batch_size"],
        per_device_eval_batch_size=cfg["per_device_eval_batch_size"],
        warmup_ratio=cfg["warmup_ratio"],
        weight_decay=cfg["weight_decay"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1",
        fp16=True,
        seed=cfg["seed"],
        report_to="none",
    )

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["test"],
        data_collator=default_data_collator,
        compute_metrics=build_compute_metrics(labels),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    out = trainer.predict(encoded["test"])
    print(json.dumps(out.metrics, indent=2))
    print(entity_report(labels, out.predictions, out.label_ids))
    trainer.save_model(f"{cfg['output_dir']}/best")
    processor.save_pretrained(f"{cfg['output_dir']}/best")


if __name__ == "__main__":
    main()
