import json

from transformers import (AutoModelForSequenceClassification, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from parrotnlp.data import build_splits
from parrotnlp.metrics import compute_metrics
from parrotnlp.settings import MODEL_NAME, LABELS, OUTPUT_DIR, SEED
from parrotnlp.publish import push

set_seed(SEED)
train_ds, test_ds, tok = build_splits()

model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=len(LABELS))
args = TrainingArguments(
    output_dir=OUTPUT_DIR,
    num_train_epochs=8,
    learning_rate=3e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=SEED,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=test_ds,
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()
final = trainer.evaluate(test_ds)
json.dump(final, open(f"{OUTPUT_DIR}/test_metrics.json", "w"), indent=2)
trainer.save_model(f"{OUTPUT_DIR}/best")
push(f"{OUTPUT_DIR}/best")
