// The change under test: VAT of 20 % in place of 19 %, which OrderPricingTests pins.
def source = new File(basedir, 'src/main/java/com/example/orders/OrderPricing.java')
def text = source.text
assert text.contains('VAT_PERCENT = 19;') : 'OrderPricing no longer says VAT_PERCENT = 19: update this change'
source.text = text.replace('VAT_PERCENT = 19;', 'VAT_PERCENT = 20;')
true
