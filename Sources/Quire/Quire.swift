// `import Quire`: the public API in one module, as a program embedding Quire uses it. The pieces
// stay separate targets so that each format depends only on the core.
@_exported import QuireBuiltinFormats
@_exported import QuireConversion
@_exported import QuireCore
