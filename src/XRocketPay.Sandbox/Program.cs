// Placeholder: replaced by the sandbox implementation.
var app = Microsoft.AspNetCore.Builder.WebApplication.Create(args);
app.Run();
